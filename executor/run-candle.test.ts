import { describe, expect, it } from "vitest";
import { runCandle } from "@/executor/run-candle";
import type { TraderCode } from "@/executor/trader-code";
import { syntheticInput } from "@/lib/filters/synthetic-candles";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";

const CODE = `export default function filter({ symbol, candles }) {
  if (symbol === "ETHUSDT") throw new Error("no ETH today");
  return candles[candles.length - 1].close > 0;
}
`;

const trader: TraderCode = {
  traderId: "7f1c2d3e-4b5a-4c6d-8e7f-901234567890",
  name: "Momentum",
  versionId: "0c1d2e3f-4a5b-4c6d-8e7f-901234567891",
  version: 3,
  code: CODE,
  state: "running",
};

describe("runCandle", () => {
  it("runs each symbol in the sandbox and maps a failure to a valid POST /api/errors event", async () => {
    const occurredAt = new Date("2026-02-01T00:00:00Z");
    const inputs = [
      syntheticInput(30, { symbol: "BTCUSDT" }),
      syntheticInput(30, { symbol: "ETHUSDT" }),
    ];
    const [btc, eth] = await runCandle({ trader, inputs, now: () => occurredAt });

    expect(btc).toEqual({ symbol: "BTCUSDT", outcome: "ok", match: true });
    expect(eth?.outcome).toBe("error");
    if (eth?.outcome !== "error") return;
    expect(errorEventSchema.parse(eth.error)).toEqual(eth.error);
    expect(eth.error).toMatchObject({
      trader_id: trader.traderId,
      error_type: "runtime",
      error_message: "Error: no ETH today",
      trigger_interval: "5m",
      symbols_processed: 1,
      code_version_id: trader.versionId,
      filter_code_snapshot: CODE,
      occurred_at: occurredAt.toISOString(),
      context: {
        symbol: "ETHUSDT",
        candle_time: new Date(inputs[1]!.candles.at(-1)!.closeTime).toISOString(),
        params: {},
        line: 2,
      },
    });
    expect(eth.error.stack_trace).toContain("no ETH today");
    expect(eth.error.context?.candles).toHaveLength(20);
  });

  it("reports a compilation failure for every symbol", async () => {
    const broken = { ...trader, code: "export default function filter( {" };
    const runs = await runCandle({ trader: broken, inputs: [syntheticInput(5)] });
    expect(runs[0]).toMatchObject({ outcome: "error", error: { error_type: "compilation" } });
  });
});
