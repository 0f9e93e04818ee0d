import { RelativeTime } from "@/components/ui/relative-time";
import type { RemainingCaps } from "@/lib/regeneration/regeneration-caps";

const numberFormat = new Intl.NumberFormat("en-US");

// What the user's AI fix limits still allow: the per-error and daily caps.
export function RecoveryCaps({ caps }: { caps: RemainingCaps }) {
  const rows = [
    { label: "Attempts left for this error", cap: caps.groupAttempts },
    { label: "Attempts left today", cap: caps.dailyAttempts },
    { label: "Tokens left today", cap: caps.dailyTokens },
  ];
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-xs" data-testid="recovery-caps">
      {rows.map(({ label, cap }) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="text-right font-medium tabular-nums">
            {numberFormat.format(cap.remaining)}
            <span className="font-normal text-muted-foreground">
              {" "}
              of {numberFormat.format(cap.limit)}
            </span>
          </dd>
        </div>
      ))}
      {caps.cooldownEndsAt ? (
        <div className="contents">
          <dt className="text-muted-foreground">Next attempt allowed</dt>
          <dd className="text-right font-medium">
            <RelativeTime date={caps.cooldownEndsAt} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
