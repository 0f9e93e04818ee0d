"use client";

import { LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { setTraderAutoRollbackAction } from "@/app/(app)/traders/[id]/auto-rollback-actions";
import { countOf } from "@/lib/utils/count-of";

const AUTO_ROLLBACK_LABEL = "Roll back automatically if the error recurs while a fix is watched";

function formatWatchWindow(minutes: number): string {
  if (minutes % 60 === 0) {
    return countOf(minutes / 60, "hour");
  }
  return countOf(minutes, "minute");
}

// The trader's opt-in to automatic rollback. It shows the new position at once and
// puts the saved one back if saving fails, so the switch never claims a setting the
// deploy watch would not use.
export function AutoRollbackSwitch({
  traderId,
  isEnabled,
  watchMinutes,
}: {
  traderId: string;
  isEnabled: boolean;
  /** The user's watch window (AI fix settings), to say how long a fix is watched. */
  watchMinutes: number;
}) {
  const [checked, setChecked] = useState(isEnabled);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const descriptionId = useId();
  const errorId = useId();

  function toggle(next: boolean) {
    // Not `disabled` while saving: that would drop keyboard focus from the switch.
    if (isPending) return;
    setError(null);
    setChecked(next);
    startTransition(async () => {
      const result = await setTraderAutoRollbackAction({ traderId, enabled: next });
      if (!result.ok) {
        setChecked(!next);
        setError(result.message);
        return;
      }
      setChecked(result.data.autoRollback);
    });
  }

  return (
    <div className="flex flex-col gap-2" data-testid="auto-rollback" data-enabled={checked}>
      <label className="flex cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          onChange={(event) => toggle(event.target.checked)}
          aria-disabled={isPending || undefined}
          aria-busy={isPending || undefined}
          aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
          className="mt-0.5 size-4 shrink-0 accent-primary"
          data-testid="auto-rollback-switch"
        />
        <span className="flex flex-col gap-1">
          <span className="flex items-center gap-2 text-sm font-medium text-foreground">
            {AUTO_ROLLBACK_LABEL}
            {isPending ? (
              <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
            ) : null}
          </span>
          <span id={descriptionId} className="text-sm text-muted-foreground">
            After a fix is deployed, Faultline watches its error for{" "}
            {formatWatchWindow(watchMinutes)}. If the error comes back on the fixed version in that
            time, the trader returns to the version before the fix and you are notified. Otherwise
            the group only reopens as a regression.
          </span>
        </span>
      </label>
      <p className="pl-7 text-xs text-muted-foreground">
        The watch window is set in{" "}
        <Link href="/settings/ai" className="text-link underline-offset-4 hover:underline">
          AI fix settings
        </Link>
        .
      </p>
      {error ? (
        <p
          id={errorId}
          role="alert"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
          data-testid="auto-rollback-error"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
