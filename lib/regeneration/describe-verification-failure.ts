import { fenceUntrusted } from "@/lib/regeneration/fence-untrusted";
import type { RunOutcome, VerificationReport } from "@/lib/regeneration/verification-report";

const MAX_LISTED_CASES = 6;

function describeOutcome(outcome: RunOutcome): string {
  if (outcome.ok) return `ok (match: ${outcome.match})`;
  const line = outcome.line === null ? "" : ` at line ${outcome.line}`;
  return `${outcome.errorType} error${line}: ${outcome.message}`;
}

// Why a candidate was rejected, in the words the model needs to do better next round
// and a reviewer needs to trust the rejection. Error text comes from the sandbox
// running model-written code, so it is fenced like any other untrusted text.
export function describeVerificationFailure(report: VerificationReport): string {
  if (report.staticViolations.length > 0) {
    return [
      "The code was rejected before running:",
      ...report.staticViolations.map(
        (violation) =>
          `- ${violation.message}${violation.line === null ? "" : ` (line ${violation.line})`}`,
      ),
    ].join("\n");
  }
  if (report.compilation && !report.compilation.ok) {
    const line = report.compilation.line === null ? "" : ` at line ${report.compilation.line}`;
    return [
      `The code does not compile${line}:`,
      fenceUntrusted("COMPILER_OUTPUT", report.compilation.message),
    ].join("\n");
  }
  const failed = report.cases.filter((entry) => !entry.passed);
  const listed = failed
    .slice(0, MAX_LISTED_CASES)
    .map((entry) => `- ${entry.label}: ${describeOutcome(entry.new)}`);
  const more = failed.length - listed.length;
  return [
    `The code failed on ${failed.length} of ${report.summary.total} verification inputs:`,
    fenceUntrusted(
      "SANDBOX_RESULTS",
      [...listed, ...(more > 0 ? [`… and ${more} more`] : [])].join("\n"),
    ),
  ].join("\n");
}

export function buildRetryMessage(failure: string): string {
  return [
    "Your previous answer was rejected by verification.",
    failure,
    "Fix these problems and answer again with the complete corrected module.",
  ].join("\n\n");
}
