"use client";

import { KeyRound, TriangleAlert } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { buildCurlExample } from "@/components/api-keys/build-curl-example";
import { CopyButton } from "@/components/api-keys/copy-button";
import { Button } from "@/components/ui/button";

type NewApiKeyPanelProps = {
  name: string;
  token: string;
  appUrl: string;
  // The key's trader, or (for unscoped keys) one of the user's traders for the example.
  exampleTraderId: string | null;
  onDone: () => void;
};

// Shown once, right after creation: the token lives only in client memory and is
// dropped on Done. Long lines wrap so phones need no sideways scrolling.
export function NewApiKeyPanel({
  name,
  token,
  appUrl,
  exampleTraderId,
  onDone,
}: NewApiKeyPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const curl = buildCurlExample({ appUrl, token, traderId: exampleTraderId });

  // Move focus here so keyboard and screen-reader users land on the new key.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-xl border border-emerald-500/30 bg-emerald-500/5 p-4 sm:p-6"
    >
      <div className="flex items-start gap-3">
        <KeyRound aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-600" />
        <div className="flex min-w-0 flex-col gap-1">
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="text-base font-semibold leading-tight outline-none"
          >
            Your new key “{name}”
          </h2>
          <p className="flex items-start gap-1.5 text-sm text-amber-800 dark:text-amber-300">
            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            Copy it now: it won&apos;t be shown again. Only a hash is stored, so a lost key can only
            be revoked and replaced.
          </p>
        </div>
      </div>

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid="new-api-key-token"
          className="min-w-0 flex-1 select-all break-all rounded-md border border-border bg-card px-3 py-2 font-mono text-sm"
        >
          {token}
        </code>
        <CopyButton value={token} label="API key" className="self-start sm:self-auto" />
      </div>

      <div className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-2">
          <h3 className="text-sm font-medium">Try it: report an error with curl</h3>
          <CopyButton value={curl} label="curl command" />
        </div>
        <pre className="whitespace-pre-wrap break-all rounded-md border border-border bg-card p-3 font-mono text-xs leading-relaxed">
          <code>{curl}</code>
        </pre>
      </div>

      <div>
        <Button onClick={onDone} data-testid="new-api-key-done">
          Done, I&apos;ve saved it
        </Button>
      </div>
    </section>
  );
}
