import { randomUUID } from "node:crypto";
import type { TraderCode } from "@/executor/trader-code";
import type { FilterFailure, FilterInput, FilterLimits } from "@/lib/filters/filter-types";
import { runFilterOnInputs } from "@/lib/filters/run-filter";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";

export type SymbolRun =
  | { symbol: string; outcome: "ok"; match: boolean }
  | { symbol: string; outcome: "error"; error: ErrorEventInput };

// The last few candles are enough to reproduce most failures and keep reports small.
const CONTEXT_CANDLES = 20;

// One failed run as a single event of POST /api/errors. The event id is fixed here,
// before the report is spooled, so every resend of it is the same event.
export function toErrorEvent(options: {
  failure: FilterFailure;
  trader: TraderCode;
  input: FilterInput;
  occurredAt: Date;
}): ErrorEventInput {
  const { failure, trader, input } = options;
  const closing = input.candles.at(-1);
  return {
    event_id: randomUUID(),
    trader_id: trader.traderId,
    error_type: failure.errorType,
    error_message: failure.message || "Filter failed without a message",
    stack_trace: failure.stack ?? undefined,
    trigger_interval: input.interval,
    symbols_processed: 1,
    execution_duration_ms: Math.round(failure.durationMs),
    code_version_id: trader.versionId,
    filter_code_snapshot: trader.code,
    context: {
      symbol: input.symbol,
      candle_time: closing ? new Date(closing.closeTime).toISOString() : null,
      candles: input.candles.slice(-CONTEXT_CANDLES),
      params: JSON.parse(JSON.stringify(input.params)),
      ...(failure.line === null ? {} : { line: failure.line }),
    },
    occurred_at: options.occurredAt.toISOString(),
  };
}

// Runs the trader's filter on one candle close of each symbol in the sandbox the
// server verifies fixes with (compiled once, a fresh sandbox per input).
export async function runCandle(options: {
  trader: TraderCode;
  inputs: readonly FilterInput[];
  limits?: Partial<FilterLimits>;
  now?: () => Date;
}): Promise<SymbolRun[]> {
  const { trader, inputs } = options;
  const now = options.now ?? (() => new Date());
  const results = await runFilterOnInputs(trader.code, inputs, options.limits);
  return results.map((result, index) => {
    const input = inputs[index]!;
    if (result.ok) return { symbol: input.symbol, outcome: "ok", match: result.match };
    return {
      symbol: input.symbol,
      outcome: "error",
      error: toErrorEvent({ failure: result, trader, input, occurredAt: now() }),
    };
  });
}
