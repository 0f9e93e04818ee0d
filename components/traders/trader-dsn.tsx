import { CopyButton } from "@/components/api-keys/copy-button";

// The Sentry DSN an executor's Sentry SDK reports to.
export function TraderDsn({ dsn }: { dsn: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <span className="text-xs text-muted-foreground">Sentry DSN</span>
      <div className="flex min-w-0 items-start gap-2">
        <code
          className="min-w-0 flex-1 break-all rounded-md bg-muted px-2 py-1.5 font-mono text-xs"
          data-testid="trader-dsn"
        >
          {dsn}
        </code>
        <CopyButton value={dsn} label="Sentry DSN" />
      </div>
    </div>
  );
}
