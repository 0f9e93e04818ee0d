import type { RecoveryAttempt } from "@/lib/regeneration/get-group-recovery";
import { countOf } from "@/lib/utils/count-of";

const costFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 4,
});
const numberFormat = new Intl.NumberFormat("en-US");

// The model's account of the fix, and what producing it cost.
export function ProposalExplanation({ attempt }: { attempt: RecoveryAttempt }) {
  const tokens = attempt.tokensIn + attempt.tokensOut;
  return (
    <section aria-label="Explanation" className="flex flex-col gap-2" data-testid="fix-explanation">
      <h3 className="text-sm font-semibold">What was wrong and what changed</h3>
      {attempt.explanation ? (
        <p className="text-sm [overflow-wrap:anywhere]">{attempt.explanation}</p>
      ) : null}
      {attempt.changes.length > 0 ? (
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
          {attempt.changes.map((change) => (
            <li key={change} className="[overflow-wrap:anywhere]">
              {change}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {countOf(attempt.rounds, "round")} · {numberFormat.format(tokens)} tokens ·{" "}
        {costFormat.format(attempt.estimatedCostUsd)}
        {attempt.latencyMs === null ? null : ` · ${(attempt.latencyMs / 1_000).toFixed(1)} s`}
      </p>
    </section>
  );
}
