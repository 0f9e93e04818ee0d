const MAX_DIFF_LINES = 60;
const MAX_LINE_CHARS = 200;
// Beyond this the quadratic table costs more than the summary is worth.
const MAX_TABLE_CELLS = 4_000_000;

type DiffLine = { kind: "+" | "-"; line: number; text: string };

function splitLines(code: string): string[] {
  return code.replace(/\r\n?/g, "\n").split("\n");
}

// Longest-common-subsequence diff, walked from the start: fine for filter-sized files.
function diffLines(before: string[], after: string[]): DiffLine[] {
  const rows = before.length + 1;
  const columns = after.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let i = before.length - 1; i >= 0; i -= 1) {
    for (let j = after.length - 1; j >= 0; j -= 1) {
      table[i * columns + j] =
        before[i] === after[j]
          ? table[(i + 1) * columns + j + 1]! + 1
          : Math.max(table[(i + 1) * columns + j]!, table[i * columns + j + 1]!);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i += 1;
      j += 1;
    } else if (
      i < before.length &&
      (j === after.length || table[(i + 1) * columns + j]! >= table[i * columns + j + 1]!)
    ) {
      result.push({ kind: "-", line: i + 1, text: before[i]! });
      i += 1;
    } else {
      result.push({ kind: "+", line: j + 1, text: after[j]! });
      j += 1;
    }
  }
  return result;
}

// What changed between the previous version and the failing one, as +/- lines
// with their line numbers (new numbering for +, old for -).
export function summarizeCodeDiff(previous: string, current: string): string {
  const before = splitLines(previous);
  const after = splitLines(current);
  if (previous === current) return "No code changes from the previous version.";
  if ((before.length + 1) * (after.length + 1) > MAX_TABLE_CELLS) {
    return `The file changed from ${before.length} to ${after.length} lines (too large to diff).`;
  }
  const changes = diffLines(before, after);
  const added = changes.filter((change) => change.kind === "+").length;
  const header = `${added} lines added, ${changes.length - added} lines removed:`;
  const shown = changes.slice(0, MAX_DIFF_LINES).map((change) => {
    const text =
      change.text.length > MAX_LINE_CHARS
        ? `${change.text.slice(0, MAX_LINE_CHARS)}…`
        : change.text;
    return `${change.kind} ${change.line}: ${text}`;
  });
  const more = changes.length - shown.length;
  return [header, ...shown, ...(more > 0 ? [`… ${more} more changed lines`] : [])].join("\n");
}
