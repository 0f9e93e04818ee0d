import { runFilterOnInputs } from "@/lib/filters/run-filter";
import { checkCandidateSource } from "@/lib/regeneration/check-candidate-source";
import type { VerificationInput } from "@/lib/regeneration/collect-verification-inputs";
import {
  type RunOutcome,
  toRunOutcome,
  type VerificationCase,
  type VerificationReport,
} from "@/lib/regeneration/verification-report";

function summarize(cases: VerificationCase[]): VerificationReport["summary"] {
  const passed = cases.filter((entry) => entry.passed).length;
  return { total: cases.length, passed, failed: cases.length - passed };
}

// Runs the failing version once per attempt: its outcomes are the "old" column
// of every round's report.
export async function runBaseline({
  code,
  inputs,
}: {
  code: string;
  inputs: VerificationInput[];
}): Promise<Map<string, RunOutcome>> {
  const results = await runFilterOnInputs(
    code,
    inputs.map((entry) => entry.input),
  );
  return new Map(inputs.map((entry, index) => [entry.id, toRunOutcome(results[index]!)]));
}

// A candidate is proposed only if it passes the static check, compiles and runs
// without error on the failing input and on every healthy input.
export async function verifyCandidate({
  code,
  failingCode,
  inputs,
  baseline,
}: {
  code: string;
  failingCode: string;
  inputs: VerificationInput[];
  baseline: Map<string, RunOutcome>;
}): Promise<VerificationReport> {
  const failingOutcome = baseline.get("failing");
  const failureReproduced = failingOutcome ? !failingOutcome.ok : null;
  const staticViolations = checkCandidateSource(code, failingCode);
  if (staticViolations.length > 0) {
    return {
      passed: false,
      staticViolations,
      compilation: null,
      cases: [],
      failureReproduced,
      summary: summarize([]),
    };
  }
  // The module is compiled once; a compilation error is every input's result.
  const results = await runFilterOnInputs(
    code,
    inputs.map((entry) => entry.input),
  );
  const compileFailure = results.find((result) => !result.ok && result.errorType === "compilation");
  if (compileFailure && !compileFailure.ok) {
    return {
      passed: false,
      staticViolations,
      compilation: { ok: false, message: compileFailure.message, line: compileFailure.line },
      cases: [],
      failureReproduced,
      summary: summarize([]),
    };
  }
  const cases = inputs.map(({ id, label, source }, index): VerificationCase => {
    const outcome = toRunOutcome(results[index]!);
    return { id, label, source, passed: outcome.ok, old: baseline.get(id) ?? null, new: outcome };
  });
  const summary = summarize(cases);
  return {
    passed: summary.failed === 0 && cases.length > 0,
    staticViolations,
    compilation: { ok: true },
    cases,
    failureReproduced,
    summary,
  };
}
