import type { Candle } from "@/lib/filters/filter-types";
import type { ContextInput } from "@/lib/regeneration/filter-input-from-context";

const EDGE_CANDLES = 3;
const MAX_PARAMS_CHARS = 1_500;
const MAX_SYMBOL_CHARS = 64;

function formatCandle(candle: Candle): string {
  const { openTime, open, high, low, close, volume } = candle;
  const time = Number.isFinite(openTime) ? new Date(openTime).toISOString() : String(openTime);
  return `${time} o=${open} h=${high} l=${low} c=${close} v=${volume}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

// A bounded picture of the failing input: the model needs its shape (how many
// candles, what they look like at both ends, which params), never thousands of rows.
export function summarizeFilterInput({ input, candlesSource }: ContextInput): string {
  const { candles } = input;
  const lines = [
    `symbol: ${truncate(input.symbol, MAX_SYMBOL_CHARS)}`,
    `interval: ${truncate(input.interval, MAX_SYMBOL_CHARS)}`,
    candlesSource === "event"
      ? `candles: ${candles.length} (as reported by the executor)`
      : `candles: not reported by the executor; verification uses ${candles.length} synthetic candles`,
  ];
  if (candles.length > 0) {
    const head = candles.slice(0, EDGE_CANDLES);
    const tail = candles.slice(Math.max(EDGE_CANDLES, candles.length - EDGE_CANDLES));
    lines.push("first candles:", ...head.map(formatCandle));
    if (tail.length) {
      const skipped = candles.length - head.length - tail.length;
      if (skipped > 0) lines.push(`… ${skipped} candles omitted …`);
      lines.push("last candles:", ...tail.map(formatCandle));
    }
  }
  lines.push(`params: ${truncate(JSON.stringify(input.params), MAX_PARAMS_CHARS)}`);
  return lines.join("\n");
}
