"use client";

import { ErrorFallback } from "@/components/shell/error-fallback";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own document and
// stylesheet.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Faultline</title>
      </head>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <main>
          <ErrorFallback error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
