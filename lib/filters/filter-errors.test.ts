import { describe, expect, it } from "vitest";
import { toFilterFailure } from "@/lib/filters/filter-errors";

const failure = (stack: string | null, lineCount = 10) =>
  toFilterFailure({ errorType: "runtime", message: "Error: x", stack, lineCount, durationMs: 1 });

describe("toFilterFailure", () => {
  it("takes the line of the first frame in the user's code", () => {
    expect(
      failure(
        "    at sort (native)\n    at compare (filter.js:7:3)\n    at filter (filter.js:2:1)\n",
      ),
    ).toMatchObject({
      line: 7,
      stack:
        "Error: x\n    at sort (native)\n    at compare (filter.js:7:3)\n    at filter (filter.js:2:1)",
    });
  });

  it("reads syntax error frames, which name no function", () => {
    expect(failure("    at filter.js:3:15\n").line).toBe(3);
  });

  it("clamps a position past the user's code to their last line", () => {
    expect(failure("    at filter.js:12:1\n", 10).line).toBe(10);
  });

  it("leaves out the sandbox's own frames", () => {
    expect(
      failure("    at filter (filter.js:4:2)\n    at callFilter (sandbox.js:300:20)\n").stack,
    ).toBe("Error: x\n    at filter (filter.js:4:2)");
  });

  it("keeps twenty frames and counts the rest", () => {
    const stack = failure("    at f (filter.js:1:1)\n".repeat(1000)).stack ?? "";
    const lines = stack.split("\n");
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe("    ... 980 more frames");
  });

  it("has no stack or line without frames", () => {
    expect(failure(null)).toMatchObject({ stack: null, line: null });
    expect(failure("")).toMatchObject({ stack: null, line: null });
  });

  it("truncates a huge message", () => {
    const long = toFilterFailure({
      errorType: "runtime",
      message: "x".repeat(10_000),
      stack: null,
      lineCount: 1,
      durationMs: 0,
    });
    expect(long.message.length).toBeLessThanOrEqual(2_001);
  });
});
