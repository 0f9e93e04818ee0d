import { describe, expect, it } from "vitest";
import { parseStackTrace } from "@/lib/errors/detail/parse-stack-trace";

describe("parseStackTrace", () => {
  it("marks the filter's frames in-app and the executor's as runtime", () => {
    const parsed = parseStackTrace(
      [
        "TypeError: Cannot read properties of undefined (reading 'close')",
        "    at highest (filter.js:3:12)",
        "    at filter (filter.js:9:98)",
        "    at runFilter (executor/run-filter.ts:41:12)",
        "    at node:internal/process/task_queues:95:5",
      ].join("\n"),
    );
    expect(parsed.lines.map((line) => line.kind)).toEqual([
      "message",
      "in-app",
      "in-app",
      "runtime",
      "runtime",
    ]);
    // The innermost user frame: the first one in a JS stack.
    expect(parsed.failingLine).toBe(3);
  });

  it("reads a frame without a function name", () => {
    const parsed = parseStackTrace("SyntaxError: unexpected token: ')'\n    at filter.js:8:71");
    expect(parsed.lines[1]).toEqual({ text: "    at filter.js:8:71", kind: "in-app" });
    expect(parsed.failingLine).toBe(8);
  });

  it("reads Python tracebacks innermost last, with their source lines", () => {
    const parsed = parseStackTrace(
      [
        "Traceback (most recent call last):",
        '  File "/srv/executor/run.py", line 10, in run',
        "    result = filter(candles)",
        '  File "/srv/filters/filter.py", line 12, in rsi',
        "    rs = gains / losses",
        "ZeroDivisionError: division by zero",
      ].join("\n"),
    );
    expect(parsed.lines.map((line) => line.kind)).toEqual([
      "message",
      "runtime",
      "runtime",
      "in-app",
      "in-app",
      "message",
    ]);
    expect(parsed.failingLine).toBe(12);
  });

  it("has no failing line when no frame is the user's", () => {
    const parsed = parseStackTrace(
      "Error: boom\n    at runFilter (executor/run-filter.ts:41:12)\n\n",
    );
    expect(parsed.failingLine).toBeNull();
    expect(parsed.lines).toHaveLength(2);
  });
});
