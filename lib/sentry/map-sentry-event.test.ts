import { describe, expect, it } from "vitest";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";
import { mapSentryEvent } from "@/lib/sentry/map-sentry-event";
import { sentryEventSchema } from "@/lib/sentry/sentry-event-schema";

const EVENT_ID = "eca8f5cf346f43cab5c4c4dd7ba72dac";

// Trimmed from what @sentry/node 11 sends for captureException(new TypeError(...)).
const nodeEvent = {
  event_id: EVENT_ID,
  level: "error",
  platform: "node",
  timestamp: 1795521115.238,
  environment: "production",
  release: "filters@1.4.0",
  server_name: "executor-3",
  sdk: { name: "sentry.javascript.node", version: "11.12.0", integrations: ["SpanStreaming"] },
  tags: { trigger_interval: "5m", symbols_processed: "12" },
  contexts: { runtime: { name: "node", version: "v20.20.2" } },
  extra: { symbol: "BTCUSDT" },
  exception: {
    values: [
      {
        type: "TypeError",
        value: "Cannot read properties of undefined (reading 'close')",
        stacktrace: {
          frames: [
            {
              filename: "node:internal/process/task_queues",
              function: "process.processTicksAndRejections",
              lineno: 81,
              colno: 21,
              in_app: false,
            },
            {
              filename: "/app/executor.js",
              function: "runFilter",
              lineno: 40,
              colno: 3,
              in_app: true,
            },
            {
              filename: "/app/filter.js",
              function: "filter",
              lineno: 9,
              colno: 12,
              context_line: "  return last.close > 0;",
              in_app: true,
            },
          ],
        },
        mechanism: { type: "generic", handled: true },
      },
    ],
  },
};

function map(raw: Record<string, unknown>, eventId = EVENT_ID) {
  const mapped = mapSentryEvent(sentryEventSchema.parse(raw), eventId);
  // Whatever the mapper produces must pass the ingest schema unchanged.
  expect(errorEventSchema.parse(mapped)).toEqual(mapped);
  return mapped;
}

describe("mapSentryEvent", () => {
  it("maps a Node SDK exception event", () => {
    const mapped = map(nodeEvent);
    expect(mapped).toMatchObject({
      event_id: "eca8f5cf-346f-43ca-b5c4-c4dd7ba72dac",
      error_type: "runtime",
      error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
      trigger_interval: "5m",
      symbols_processed: 12,
      occurred_at: "2026-11-24T11:51:55.238Z",
    });
    expect(mapped.fingerprint).toBeUndefined();
    expect(mapped.context).toEqual({
      level: "error",
      tags: { trigger_interval: "5m", symbols_processed: "12" },
      contexts: { runtime: { name: "node", version: "v20.20.2" } },
      release: "filters@1.4.0",
      environment: "production",
      platform: "node",
      sdk: { name: "sentry.javascript.node", version: "11.12.0" },
      server_name: "executor-3",
      extra: { symbol: "BTCUSDT" },
    });
  });

  it("renders the stack most recent call first, with file:line:column and source", () => {
    expect(map(nodeEvent).stack_trace).toBe(
      [
        "TypeError: Cannot read properties of undefined (reading 'close')",
        "    at filter (/app/filter.js:9:12)",
        "        return last.close > 0;",
        "    at runFilter (/app/executor.js:40:3)",
        "    at process.processTicksAndRejections (node:internal/process/task_queues:81:21)",
      ].join("\n"),
    );
  });

  it("uses the exception raised last and lists its causes after it", () => {
    const mapped = map({
      exception: {
        values: [
          {
            type: "KeyError",
            value: "'close'",
            stacktrace: { frames: [{ filename: "filter.py", function: "filter", lineno: 3 }] },
          },
          {
            type: "ValueError",
            value: "bad candle",
            stacktrace: { frames: [{ filename: "runner.py", function: "run", lineno: 20 }] },
          },
        ],
      },
    });
    expect(mapped.error_message).toBe("ValueError: bad candle");
    expect(mapped.stack_trace).toBe(
      [
        "ValueError: bad candle",
        "    at run (runner.py:20)",
        "Caused by: KeyError: 'close'",
        "    at filter (filter.py:3)",
      ].join("\n"),
    );
  });

  it.each([
    [{ message: "plain message" }, "plain message"],
    [{ message: { formatted: "formatted message" } }, "formatted message"],
    [{ logentry: { message: "raw %s", formatted: "raw x" } }, "raw x"],
    [{ exception: { values: [{ value: "value only" }] } }, "value only"],
    [{ exception: [{ type: "LegacyShapeError" }] }, "LegacyShapeError"],
    [{}, "Unknown error (no message)"],
  ])("takes the message from %j", (raw, message) => {
    const mapped = map(raw);
    expect(mapped.error_message).toBe(message);
    expect(mapped.stack_trace).toBeUndefined();
  });

  it.each([
    [{ tags: { error_type: "compilation" }, level: "fatal" }, "compilation"],
    [{ contexts: { faultline: { error_type: "timeout" } } }, "timeout"],
    [{ tags: [["error_type", "panic"]] }, "panic"],
    [{ tags: { error_type: "bogus" }, level: "fatal" }, "panic"],
    [{ exception: { values: [{ type: "SyntaxError", value: "x" }] } }, "compilation"],
    [{ exception: { values: [{ type: "*context.deadlineExceededError" }] } }, "timeout"],
    [{ exception: { values: [{ type: "TimeoutError" }] } }, "timeout"],
    [{ exception: { values: [{ type: "ZeroDivisionError" }] } }, "runtime"],
  ])("infers the error type of %j", (raw, errorType) => {
    expect(map(raw).error_type).toBe(errorType);
  });

  it("keeps a custom fingerprint and expands {{ default }} into our default material", () => {
    expect(map({ message: "x", fingerprint: ["{{ default }}"] }).fingerprint).toBeUndefined();
    expect(map({ message: "x", fingerprint: ["rsi", "nan"] }).fingerprint).toEqual(["rsi", "nan"]);
    expect(
      map({ message: "RSI is NaN for BTCUSDT", fingerprint: ["{{ default }}", "rsi"] }).fingerprint,
    ).toEqual(["runtime:RSI is NaN for <symbol>", "rsi"]);
  });

  it("reads ISO timestamps and drops unreadable ones", () => {
    expect(map({ timestamp: "2026-01-02T03:04:05+02:00" }).occurred_at).toBe(
      "2026-01-02T01:04:05.000Z",
    );
    expect(map({ timestamp: "yesterday" }).occurred_at).toBeUndefined();
  });

  it("ignores fields of unexpected shapes instead of rejecting the event", () => {
    const mapped = map({ message: "ok", level: 3, tags: "nope", timestamp: {}, fingerprint: "x" });
    expect(mapped.error_message).toBe("ok");
    expect(mapped.context).toEqual({});
  });

  it("bounds large values", () => {
    const mapped = map({
      message: "m".repeat(20_000),
      tags: { trigger_interval: "i".repeat(100), symbols_processed: "99999999" },
      extra: { blob: "x".repeat(5_000), list: Array.from({ length: 500 }, (_, index) => index) },
    });
    expect(mapped.error_message).toHaveLength(10_000);
    expect(mapped.trigger_interval).toHaveLength(32);
    expect(mapped.symbols_processed).toBeUndefined();
    const extra = mapped.context?.extra as { blob: string; list: number[] };
    expect(extra.blob.length).toBeLessThanOrEqual(1_000);
    expect(extra.list).toHaveLength(50);
  });

  it("maps a non-RFC hex id to a stable valid UUID", () => {
    const first = map({ message: "x" }, "0123456789abcdef0123456789abcdef");
    const again = map({ message: "x" }, "0123456789abcdef0123456789abcdef");
    expect(first.event_id).toBe(again.event_id);
    expect(first.event_id).not.toBe("01234567-89ab-cdef-0123-456789abcdef");
  });
});
