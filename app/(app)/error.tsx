"use client";

import { ErrorFallback } from "@/components/shell/error-fallback";

export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  // Rendered inside the app shell, so navigation stays available after a page fails.
  return <ErrorFallback error={error} retry={retry} />;
}
