import type { SenderCounters } from "@/executor/report-sender";

export type ExecutorStats = {
  candles: number;
  runsOk: number;
  runsError: number;
  versionsPickedUp: number;
  schedulesDisabled: number;
};

export type ExecutorSummary = ExecutorStats & SenderCounters & { breaker: string };

export function createStats(): ExecutorStats {
  return { candles: 0, runsOk: 0, runsError: 0, versionsPickedUp: 0, schedulesDisabled: 0 };
}

// One line a person can follow while candles replay; the same counters end the run.
export function formatProgress(summary: ExecutorSummary, totalCandles: number): string {
  const breaker = summary.breaker === "closed" ? "" : ` · server circuit ${summary.breaker}`;
  return (
    `candles ${summary.candles}/${totalCandles} · runs ok ${summary.runsOk} error ${summary.runsError}` +
    ` · reports sent ${summary.sent} retried ${summary.retried} dropped ${summary.dropped}` +
    ` pending ${summary.pending} · versions picked up ${summary.versionsPickedUp}` +
    ` · schedules disabled ${summary.schedulesDisabled}${breaker}`
  );
}
