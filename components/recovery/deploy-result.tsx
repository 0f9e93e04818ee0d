import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import type { Ref } from "react";
import type { DeployedFix } from "@/components/recovery/deploy-fix-dialog";
import { RelativeTime } from "@/components/ui/relative-time";

// Confirmation after a deploy; focusable so the dialog can hand focus to it.
export function DeployResult({
  deployed,
  ref,
}: {
  deployed: DeployedFix;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="flex gap-2.5 rounded-lg border border-emerald-500/30 bg-emerald-500/10 px-3 py-2.5 text-sm text-emerald-900 outline-none focus-visible:ring-2 focus-visible:ring-ring dark:text-emerald-100"
      data-testid="deploy-result"
      data-version={deployed.version.version}
    >
      <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-medium">
          Version {deployed.version.version} is live — watching for recurrences
          {deployed.watchUntil ? (
            <>
              {" "}
              until <RelativeTime date={deployed.watchUntil} />
            </>
          ) : null}
          .
        </p>
        {deployed.isKeptPaused ? (
          <p>The trader stays paused: resume it on its page when you are ready.</p>
        ) : null}
        <Link
          href={`/traders/${deployed.traderId}`}
          className="w-fit font-medium underline underline-offset-2"
          data-testid="deploy-result-trader-link"
        >
          Open the trader
        </Link>
      </div>
    </div>
  );
}
