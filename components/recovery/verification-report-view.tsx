import { CheckCircle2, XCircle } from "lucide-react";
import { RunOutcomeView } from "@/components/recovery/run-outcome";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { InputSource, VerificationReport } from "@/lib/regeneration/verification-report";
import { cn } from "@/lib/utils/cn";

const sourceLabels: Record<InputSource, string> = {
  failing: "Failing input",
  recent_event: "Recent event",
  synthetic: "Synthetic",
  edge_case: "Edge case",
};

function Verdict({ report }: { report: VerificationReport }) {
  const Icon = report.passed ? CheckCircle2 : XCircle;
  const text = report.passed
    ? `Verified: runs without error on all ${report.summary.total} inputs.`
    : report.staticViolations.length > 0
      ? "Not verified: the code breaks a rule checked before it runs."
      : report.compilation && !report.compilation.ok
        ? "Not verified: the code does not compile."
        : report.summary.total === 0
          ? "Not verified: there was no input to run it on."
          : `Not verified: fails on ${report.summary.failed} of ${report.summary.total} inputs.`;
  return (
    <p
      className={cn(
        "flex items-start gap-2 text-sm font-medium",
        report.passed ? "text-emerald-700 dark:text-emerald-300" : "text-destructive",
      )}
      data-testid="verification-verdict"
      data-passed={report.passed}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {text}
    </p>
  );
}

// The sandbox's evidence for one version of the fix: the static check, compilation,
// and every input run on the failing code and on the fix.
export function VerificationReportView({ report }: { report: VerificationReport }) {
  return (
    <section
      aria-label="Verification report"
      className="flex flex-col gap-3"
      data-testid="verification-report"
      data-passed={report.passed}
    >
      <Verdict report={report} />
      {report.failureReproduced === false ? (
        <p className="text-xs text-muted-foreground">
          The failing version did not fail again on the failing input, so this run cannot show that
          the fix removes the error.
        </p>
      ) : null}
      {report.staticViolations.length > 0 ? (
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm" data-testid="static-violations">
          {report.staticViolations.map((violation) => (
            <li key={`${violation.rule}-${violation.line ?? ""}`}>
              {violation.message}
              {violation.line === null ? null : ` (line ${violation.line})`}
            </li>
          ))}
        </ul>
      ) : null}
      {report.compilation && !report.compilation.ok ? (
        <p className="font-mono text-sm [overflow-wrap:anywhere]" data-testid="compilation-error">
          {report.compilation.message}
          {report.compilation.line === null ? null : ` (line ${report.compilation.line})`}
        </p>
      ) : null}
      {report.cases.length > 0 ? (
        <Table scrollLabel="Verification inputs">
          <TableHeader>
            <TableRow>
              <TableHead>Input</TableHead>
              <TableHead>Failing code</TableHead>
              <TableHead>Fix</TableHead>
              <TableHead>Passed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.cases.map((entry) => (
              <TableRow key={entry.id} data-testid="verification-case" data-passed={entry.passed}>
                <TableCell className="min-w-40">
                  <div className="flex flex-col gap-0.5">
                    <span className="[overflow-wrap:anywhere]">{entry.label}</span>
                    <span className="text-xs text-muted-foreground">
                      {sourceLabels[entry.source]}
                    </span>
                  </div>
                </TableCell>
                <TableCell className="min-w-40">
                  <RunOutcomeView outcome={entry.old} />
                </TableCell>
                <TableCell className="min-w-40">
                  <RunOutcomeView outcome={entry.new} />
                </TableCell>
                <TableCell>
                  {entry.passed ? (
                    <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-300">
                      <CheckCircle2 aria-hidden="true" className="size-4" /> Yes
                    </span>
                  ) : (
                    <span className="inline-flex items-center gap-1 text-destructive">
                      <XCircle aria-hidden="true" className="size-4" /> No
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
