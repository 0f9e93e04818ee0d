import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";

export const MOMENTUM_FILTER = `// Momentum breakout: close above the 20-candle high on rising volume.
export default function filter({ candles, params }) {
  const lookback = params.lookback ?? 20;
  const last = candles[candles.length - 1];
  const window = candles.slice(-lookback - 1, -1);
  const high = Math.max(...window.map((c) => c.high));
  const avgVolume = window.reduce((sum, c) => sum + c.volume, 0) / window.length;
  const reference = candles[candles.length - lookback];
  return last.close > high && last.volume > avgVolume * params.volumeFactor && last.close > reference.close;
}
`;

export const RSI_FILTER = `// Mean reversion: RSI(14) oversold and price back above the lower band.
export default function filter({ candles, params }) {
  const closes = candles.map((c) => c.close);
  let gains = 0;
  let losses = 0;
  for (let i = closes.length - params.period; i < closes.length; i++) {
    const change = closes[i] - closes[i - 1];
    if (change > 0) gains += change; else losses -= change;
  }
  const rs = gains / losses;
  const rsi = 100 - 100 / (1 + rs);
  if (Number.isNaN(rsi)) throw new Error("RSI is NaN for " + params.symbol);
  return { match: rsi < params.oversold, score: 100 - rsi };
}
`;

const candle = (openTime: number, close: number, volume = 1200) => ({
  openTime,
  open: close * 0.998,
  high: close * 1.004,
  low: close * 0.995,
  close,
  volume,
  closeTime: openTime + 299_999,
});

function shortHistory(symbol: string) {
  const start = Date.UTC(2026, 10, 20, 9, 0);
  return {
    symbol,
    interval: "5m",
    params: { lookback: 20, volumeFactor: 1.5 },
    candles: [
      candle(start, 64_210.5),
      candle(start + 300_000, 64_388.1),
      candle(start + 600_000, 64_102.9),
    ],
  };
}

type DemoEvent = Omit<ErrorEventInput, "trader_id"> & {
  trader: "momentum" | "rsi";
  hoursAgo: number;
};

const momentumShortHistory = (symbol: string, hoursAgo: number): DemoEvent => ({
  trader: "momentum",
  hoursAgo,
  error_type: "runtime",
  error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
  stack_trace:
    "TypeError: Cannot read properties of undefined (reading 'close')\n    at filter (filter.js:9:98)\n    at runFilter (executor/run-filter.ts:41:12)",
  trigger_interval: "5m",
  symbols_processed: 42,
  execution_duration_ms: 18,
  context: shortHistory(symbol),
});

const rsiZeroLosses = (symbol: string, hoursAgo: number): DemoEvent => ({
  trader: "rsi",
  hoursAgo,
  error_type: "runtime",
  error_message: `Error: RSI is NaN for ${symbol}`,
  stack_trace: `Error: RSI is NaN for ${symbol}\n    at filter (filter.js:12:38)\n    at runFilter (executor/run-filter.ts:41:12)`,
  trigger_interval: "15m",
  symbols_processed: 120,
  execution_duration_ms: 35,
  context: { symbol, interval: "15m", params: { period: 14, oversold: 30, symbol } },
});

// A realistic spread: one noisy runtime bug per trader, plus rarer timeouts,
// a panic and a compilation error from a bad edit.
export const demoEvents: DemoEvent[] = [
  ...["BTCUSDT", "ETHUSDT", "SOLUSDT", "BTCUSDT", "AVAXUSDT", "ETHUSDT", "LINKUSDT"].map(
    (symbol, index) => momentumShortHistory(symbol, 70 - index * 9),
  ),
  ...["DOGEUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT"].map((symbol, index) =>
    rsiZeroLosses(symbol, 50 - index * 11),
  ),
  {
    trader: "rsi",
    hoursAgo: 30,
    error_type: "timeout",
    error_message: "Filter exceeded the 250 ms time limit on BNBUSDT",
    trigger_interval: "15m",
    symbols_processed: 87,
    execution_duration_ms: 250,
    context: { symbol: "BNBUSDT", interval: "15m", params: { period: 14, oversold: 30 } },
  },
  {
    trader: "momentum",
    hoursAgo: 20,
    error_type: "panic",
    error_message: "InternalError: stack overflow",
    stack_trace:
      "InternalError: stack overflow\n    at highest (filter.js:3:12)\n    at highest (filter.js:3:12)",
    trigger_interval: "1h",
    symbols_processed: 12,
    execution_duration_ms: 4,
    context: { symbol: "ETHUSDT", interval: "1h" },
  },
  {
    trader: "momentum",
    hoursAgo: 6,
    error_type: "compilation",
    error_message: "SyntaxError: unexpected token: ')' at line 8",
    stack_trace: "SyntaxError: unexpected token: ')'\n    at filter.js:8:71",
    trigger_interval: "5m",
    symbols_processed: 0,
    execution_duration_ms: 1,
    context: { symbol: "BTCUSDT", interval: "5m" },
  },
];
