import { Badge } from "@/components/ui/badge";
import type { RunOutcome } from "@/lib/regeneration/verification-report";

export function formatDuration(durationMs: number): string {
  return durationMs < 10 ? `${durationMs.toFixed(1)} ms` : `${Math.round(durationMs)} ms`;
}

function describeMatch(outcome: Extract<RunOutcome, { ok: true }>): string {
  const verdict = outcome.match ? "Match" : "No match";
  return outcome.score === null ? verdict : `${verdict} (score ${outcome.score})`;
}

// One run's result in a table cell: the verdict, or the error type and message.
export function RunOutcomeView({ outcome }: { outcome: RunOutcome | null }) {
  if (!outcome) return <span className="text-muted-foreground">Not run</span>;
  if (outcome.ok) {
    return (
      <div className="flex flex-col gap-0.5" data-outcome="ok">
        <span>{describeMatch(outcome)}</span>
        {outcome.note ? (
          <span className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
            {outcome.note}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1" data-outcome="error">
      <Badge variant={outcome.errorType}>{outcome.errorType}</Badge>
      <span className="font-mono text-xs [overflow-wrap:anywhere]">
        {outcome.message}
        {outcome.line === null ? null : ` (line ${outcome.line})`}
      </span>
    </div>
  );
}
