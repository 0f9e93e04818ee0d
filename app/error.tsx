"use client";

import { ErrorFallback } from "@/components/shell/error-fallback";

export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main>
      <ErrorFallback error={error} retry={retry} />
    </main>
  );
}
