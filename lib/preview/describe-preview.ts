import type { FixPreview, PreviewChange, PreviewRow } from "@/lib/preview/preview-types";
import type { RunOutcome } from "@/lib/regeneration/verification-report";

type Failure = Extract<RunOutcome, { ok: false }>;

const MAX_MESSAGE_CHARS = 120;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function describeFailure(failure: Failure): string {
  const message =
    failure.message.length > MAX_MESSAGE_CHARS
      ? `${failure.message.slice(0, MAX_MESSAGE_CHARS - 1)}…`
      : failure.message;
  const line = failure.line === null ? "" : ` at line ${failure.line}`;
  return `${failure.errorType}${line}: ${message}`;
}

function countSymbols(rows: readonly PreviewRow[]): number {
  return new Set(rows.map((row) => row.symbol)).size;
}

// A module that does not compile fails every input the same way: one reason, not a tally.
function findCompileFailure(rows: readonly PreviewRow[]): Failure | null {
  const first = rows[0]?.new;
  if (!first || first.ok || first.errorType !== "compilation") return null;
  return rows.every((row) => !row.new.ok && row.new.errorType === "compilation") ? first : null;
}

function describeFailingRow(row: PreviewRow): string {
  const where = `${row.symbol} ${row.interval}`;
  if (!row.new.ok) {
    const still = row.old?.ok ? "Fails" : "Still fails";
    return `${still} on the failing input (${describeFailure(row.new)})`;
  }
  if (row.old?.ok) return `Runs on ${where}, where the old code did not fail either`;
  return `Fixes the failure on ${where}`;
}

function count(rows: readonly PreviewRow[], change: PreviewChange): number {
  return rows.filter((row) => row.change === change).length;
}

// One short sentence for the top of the review: the failing input first, then what
// else moves. "Symbols" are distinct symbols, so the universe reads as a market.
export function describePreview(
  rows: readonly PreviewRow[],
  { hasOldCode }: { hasOldCode: boolean },
): string {
  if (rows.length === 0) return "There were no inputs to preview on.";
  const compileFailure = findCompileFailure(rows);
  if (compileFailure) return `Does not compile (${describeFailure(compileFailure)}).`;

  const failingRow = rows.find((row) => row.source === "failing");
  const others = rows.filter((row) => row !== failingRow);
  const symbols = countSymbols(rows);
  const parts: string[] = [];
  const broken = count(others, "broken");
  if (broken > 0) {
    parts.push(
      hasOldCode
        ? `breaks ${plural(broken, "input")} that ran before`
        : `fails on ${plural(broken, "other input")}`,
    );
  }
  const stillFailing = count(others, "still_failing");
  if (stillFailing > 0) {
    parts.push(
      `${plural(stillFailing, "other input")} still ${stillFailing === 1 ? "fails" : "fail"}`,
    );
  }
  const fixedOthers = count(others, "fixed");
  if (fixedOthers > 0) parts.push(`also fixes ${plural(fixedOthers, "other input")}`);
  const changedSymbols = countSymbols(rows.filter((row) => row.change === "selection_changed"));
  if (changedSymbols > 0) {
    parts.push(`selection changes on ${changedSymbols} of ${symbols} symbols`);
  } else if (hasOldCode) {
    if (parts.length === 0 && (!failingRow || failingRow.change === "unchanged")) {
      return `No behaviour change on ${plural(symbols, "symbol")}.`;
    }
    parts.push(`selection unchanged on ${plural(symbols, "symbol")}`);
  }
  if (!hasOldCode) parts.push("no earlier code to compare with");
  const sentence = [failingRow ? describeFailingRow(failingRow) : null, ...parts]
    .filter((part): part is string => part !== null)
    .join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

// The counts the review shows beside the table, and the sentence above it.
export function summarizePreview(
  rows: readonly PreviewRow[],
  { hasOldCode }: { hasOldCode: boolean },
): FixPreview["summary"] {
  const failingRow = rows.find((row) => row.source === "failing");
  return {
    total: rows.length,
    fixed: count(rows, "fixed"),
    broken: count(rows, "broken"),
    stillFailing: count(rows, "still_failing"),
    selectionChanged: count(rows, "selection_changed"),
    unchanged: count(rows, "unchanged"),
    fixesFailingInput: failingRow ? failingRow.new.ok : null,
    text: describePreview(rows, { hasOldCode }),
  };
}
