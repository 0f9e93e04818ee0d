import { describe, expect, it } from "vitest";
import { describePreview, summarizePreview } from "@/lib/preview/describe-preview";
import type { PreviewChange, PreviewRow } from "@/lib/preview/preview-types";
import type { RunOutcome } from "@/lib/regeneration/verification-report";

const ran = (match = true): RunOutcome => ({
  ok: true,
  match,
  score: null,
  note: null,
  durationMs: 1,
});
const failure = (
  message: string,
  errorType: "runtime" | "compilation" = "runtime",
): RunOutcome => ({
  ok: false,
  errorType,
  message,
  line: 3,
  durationMs: 1,
});

let nextId = 0;
function row(change: PreviewChange, overrides: Partial<PreviewRow> = {}): PreviewRow {
  const outcomes: Record<PreviewChange, [RunOutcome | null, RunOutcome]> = {
    fixed: [failure("old boom"), ran()],
    broken: [ran(), failure("new boom")],
    still_failing: [failure("old boom"), failure("new boom")],
    selection_changed: [ran(true), ran(false)],
    unchanged: [ran(), ran()],
  };
  const [old, next] = outcomes[change];
  nextId += 1;
  return {
    id: `row-${nextId}`,
    label: `Row ${nextId}`,
    source: "synthetic",
    symbol: `SYM${nextId}USDT`,
    interval: "5m",
    old,
    new: next,
    change,
    ...overrides,
  };
}

const failingRow = (change: PreviewChange, overrides: Partial<PreviewRow> = {}) =>
  row(change, {
    id: "failing",
    source: "failing",
    symbol: "BTCUSDT",
    interval: "5m",
    ...overrides,
  });

// Symbols SYM…USDT, one per row: `count` distinct symbols.
const universe = (change: PreviewChange, count: number) =>
  Array.from({ length: count }, () => row(change));

describe("describePreview", () => {
  it("names the fixed failing input and the symbols whose selection changed", () => {
    const rows = [
      failingRow("fixed"),
      ...universe("selection_changed", 3),
      ...universe("unchanged", 36),
    ];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Fixes the failure on BTCUSDT 5m; selection changes on 3 of 40 symbols.",
    );
  });

  it("counts symbols, not inputs: two changed inputs of one symbol are one symbol", () => {
    const rows = [
      failingRow("fixed"),
      row("selection_changed", { symbol: "BTCUSDT" }),
      row("selection_changed", { symbol: "BTCUSDT" }),
      ...universe("unchanged", 2),
    ];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Fixes the failure on BTCUSDT 5m; selection changes on 1 of 3 symbols.",
    );
  });

  it("says the selection is unchanged when nothing else changes", () => {
    const rows = [failingRow("fixed"), ...universe("unchanged", 4)];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Fixes the failure on BTCUSDT 5m; selection unchanged on 5 symbols.",
    );
  });

  it("says the code still fails on the failing input, with the error", () => {
    const rows = [
      failingRow("still_failing", { new: failure("TypeError: x is undefined") }),
      ...universe("unchanged", 3),
    ];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Still fails on the failing input (runtime at line 3: TypeError: x is undefined); " +
        "selection unchanged on 4 symbols.",
    );
  });

  it("shortens a long error message", () => {
    const rows = [failingRow("still_failing", { new: failure("x".repeat(400)) })];
    const text = describePreview(rows, { hasOldCode: true });
    expect(text).toContain(`${"x".repeat(119)}…)`);
    expect(text).not.toContain("x".repeat(120));
  });

  it("reports inputs it breaks and other inputs that still fail", () => {
    const rows = [
      failingRow("fixed"),
      ...universe("broken", 2),
      row("still_failing"),
      ...universe("unchanged", 5),
    ];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Fixes the failure on BTCUSDT 5m; breaks 2 inputs that ran before; " +
        "1 other input still fails; selection unchanged on 9 symbols.",
    );
  });

  it("answers one line for code that does not compile", () => {
    const compile = failure("SyntaxError: unexpected token", "compilation");
    const rows = [failingRow("still_failing", { new: compile }), row("broken", { new: compile })];
    expect(describePreview(rows, { hasOldCode: true })).toBe(
      "Does not compile (compilation at line 3: SyntaxError: unexpected token).",
    );
  });

  it("says no behaviour change when nothing moved", () => {
    const rows = [failingRow("unchanged"), ...universe("unchanged", 39)];
    expect(describePreview(rows, { hasOldCode: true })).toBe("No behaviour change on 40 symbols.");
  });

  it("admits it has nothing to compare with when there is no old code", () => {
    const rows = [
      failingRow("fixed", { old: null }),
      row("broken", { old: null }),
      row("unchanged", { old: null }),
    ];
    expect(describePreview(rows, { hasOldCode: false })).toBe(
      "Fixes the failure on BTCUSDT 5m; fails on 1 other input; no earlier code to compare with.",
    );
  });
});

describe("summarizePreview", () => {
  it("counts every kind of change and whether the failing input now runs", () => {
    const rows = [
      failingRow("fixed"),
      row("broken"),
      row("still_failing"),
      ...universe("selection_changed", 2),
      ...universe("unchanged", 3),
    ];
    expect(summarizePreview(rows, { hasOldCode: true })).toEqual({
      total: 8,
      fixed: 1,
      broken: 1,
      stillFailing: 1,
      selectionChanged: 2,
      unchanged: 3,
      fixesFailingInput: true,
      text: expect.stringMatching(/^Fixes the failure on BTCUSDT 5m; /),
    });
  });

  it("leaves fixesFailingInput null without a failing input", () => {
    expect(summarizePreview(universe("unchanged", 2), { hasOldCode: true })).toMatchObject({
      fixesFailingInput: null,
      text: "No behaviour change on 2 symbols.",
    });
  });
});
