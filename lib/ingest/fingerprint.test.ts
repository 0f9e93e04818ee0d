import { describe, expect, it } from "vitest";
import {
  computeFingerprint,
  normalizeErrorMessage,
  shortErrorHash,
  topInAppFrames,
} from "@/lib/ingest/fingerprint";

describe("normalizeErrorMessage", () => {
  it.each([
    ["RSI is NaN for BTCUSDT", "RSI is NaN for <symbol>"],
    ["index 42 out of range (len 17)", "index <num> out of range (len <num>)"],
    ["bad candle at 2026-11-20T09:05:00Z", "bad candle at <timestamp>"],
    ["no order 0x1f3a for 4a7e0c6b-3f2b-4c9a-9b1e-2f5d8c7a6e10", "no order <hex> for <uuid>"],
    [`cannot read 'close' of undefined`, "cannot read <str> of undefined"],
  ])("replaces the variable parts of %j", (message, expected) => {
    expect(normalizeErrorMessage(message)).toBe(expected);
  });

  it("keeps only the first line", () => {
    expect(normalizeErrorMessage("TypeError: x\n    at filter (f.js:1:1)")).toBe("TypeError: x");
  });
});

describe("computeFingerprint", () => {
  const base = { traderId: "t-1", errorType: "runtime", message: "RSI is NaN for BTCUSDT" };

  it("groups messages that differ only in variable parts", () => {
    expect(computeFingerprint(base)).toBe(
      computeFingerprint({ ...base, message: "RSI is NaN for ETHUSDT" }),
    );
  });

  it("separates traders and error types", () => {
    const fingerprint = computeFingerprint(base);
    expect(computeFingerprint({ ...base, traderId: "t-2" })).not.toBe(fingerprint);
    expect(computeFingerprint({ ...base, errorType: "panic" })).not.toBe(fingerprint);
  });

  it("lets a client fingerprint override the message", () => {
    const a = computeFingerprint({ ...base, clientFingerprint: ["custom"] });
    const b = computeFingerprint({
      ...base,
      message: "something else",
      clientFingerprint: ["custom"],
    });
    expect(a).toBe(b);
    expect(a).not.toBe(computeFingerprint(base));
  });

  it("has a 12-hex short hash", () => {
    expect(shortErrorHash(computeFingerprint(base))).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("topInAppFrames", () => {
  it("keeps function and file of the user's filter frames, innermost first, without line numbers", () => {
    const stack = [
      "TypeError: x",
      "    at highest (filter.js:3:12)",
      "    at filter (filter.js:9:98)",
      "    at runFilter (executor/run-filter.ts:41:12)",
    ].join("\n");
    expect(topInAppFrames(stack)).toEqual(["highest@filter.js", "filter@filter.js"]);
  });

  it("reads Python tracebacks innermost first", () => {
    const stack = [
      "Traceback (most recent call last):",
      '  File "/srv/executor/run.py", line 10, in run',
      '  File "/srv/filters/filter.py", line 4, in filter',
      '  File "/srv/filters/filter.py", line 12, in rsi',
      "ZeroDivisionError: division by zero",
    ].join("\n");
    expect(topInAppFrames(stack)).toEqual(["rsi@filter.py", "filter@filter.py"]);
  });

  it("splits groups that fail in different filter functions", () => {
    const base = { traderId: "t-1", errorType: "runtime", message: "TypeError: x" };
    const inHighest = computeFingerprint({
      ...base,
      stackTrace: "    at highest (filter.js:3:12)",
    });
    const inLowest = computeFingerprint({ ...base, stackTrace: "    at lowest (filter.js:3:12)" });
    const movedLine = computeFingerprint({
      ...base,
      stackTrace: "    at highest (filter.js:30:1)",
    });
    expect(inHighest).not.toBe(inLowest);
    expect(inHighest).toBe(movedLine);
  });
});
