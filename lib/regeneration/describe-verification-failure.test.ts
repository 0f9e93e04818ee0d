import { describe, expect, it } from "vitest";
import { describeVerificationFailure } from "@/lib/regeneration/describe-verification-failure";
import type { VerificationCase, VerificationReport } from "@/lib/regeneration/verification-report";

const report = (overrides: Partial<VerificationReport>): VerificationReport => ({
  passed: false,
  staticViolations: [],
  compilation: { ok: true },
  cases: [],
  failureReproduced: true,
  summary: { total: 0, passed: 0, failed: 0 },
  ...overrides,
});

const failedCase = (index: number): VerificationCase => ({
  id: `case-${index}`,
  label: `Input ${index}`,
  source: "synthetic",
  passed: false,
  old: null,
  new: {
    ok: false,
    errorType: "runtime",
    message: `TypeError ${index}\u202e`,
    line: 3,
    durationMs: 1,
  },
});

describe("describeVerificationFailure", () => {
  it("lists static violations with their lines", () => {
    const text = describeVerificationFailure(
      report({
        staticViolations: [
          { rule: "fetch", line: 4, message: "filters cannot use the network (fetch)" },
          {
            rule: "unchanged",
            line: null,
            message: "the code is identical to the failing version",
          },
        ],
      }),
    );
    expect(text).toBe(
      [
        "The code was rejected before running:",
        "- filters cannot use the network (fetch) (line 4)",
        "- the code is identical to the failing version",
      ].join("\n"),
    );
  });

  it("fences the compiler output", () => {
    const text = describeVerificationFailure(
      report({ compilation: { ok: false, message: "SyntaxError: unexpected token", line: 2 } }),
    );
    expect(text).toMatch(
      /^The code does not compile at line 2:\nBEGIN UNTRUSTED COMPILER_OUTPUT [0-9a-f]{12}\nSyntaxError: unexpected token\nEND UNTRUSTED/,
    );
  });

  it("lists a bounded number of failed inputs, fenced and cleaned", () => {
    const cases = Array.from({ length: 9 }, (_, index) => failedCase(index + 1));
    const text = describeVerificationFailure(
      report({ cases, summary: { total: 15, passed: 6, failed: 9 } }),
    );
    expect(text).toContain("The code failed on 9 of 15 verification inputs:");
    expect(text).toContain("- Input 1: runtime error at line 3: TypeError 1");
    expect(text).toContain("- Input 6: runtime error at line 3: TypeError 6");
    expect(text).not.toContain("Input 7:");
    expect(text).toContain("… and 3 more");
    expect(text).not.toContain("\u202e");
  });
});
