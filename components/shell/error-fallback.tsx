"use client";

import { RotateCw } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

type ErrorFallbackProps = {
  error: unknown;
  retry: () => void;
};

function getDigest(error: unknown): string | null {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return null;
}

// Shared by app/error.tsx and app/global-error.tsx. Server errors reach the
// browser without their message in production, so only the digest (which
// matches the server log line) is shown, never error details.
export function ErrorFallback({ error, retry }: ErrorFallbackProps) {
  const digest = getDigest(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-5 px-4 text-center"
    >
      <div className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-muted-foreground">
          This page failed to load. It may be a temporary problem; try again.
        </p>
        {digest ? (
          <p className="font-mono text-xs text-muted-foreground">Reference: {digest}</p>
        ) : null}
      </div>
      <Button onClick={() => retry()} data-testid="error-retry">
        <RotateCw aria-hidden="true" />
        Try again
      </Button>
    </div>
  );
}
