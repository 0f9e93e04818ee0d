import { describe, expect, it } from "vitest";
import {
  countPreviewChanges,
  defaultPreviewFilter,
  isPreviewFilter,
  selectPreviewRows,
} from "@/components/recovery/preview-rows";
import type { PreviewChange, PreviewRow } from "@/lib/preview/preview-types";

function row(id: string, change: PreviewChange, symbol: string, durationMs: number): PreviewRow {
  return {
    id,
    label: "recent event",
    source: "recent_event",
    symbol,
    interval: "5m",
    old: null,
    new: { ok: true, match: false, score: null, note: null, durationMs },
    change,
  };
}

const rows = [
  row("1", "unchanged", "BTCUSDT", 3),
  row("2", "fixed", "ETHUSDT", 1),
  row("3", "broken", "ADAUSDT", 2),
  row("4", "unchanged", "AVAXUSDT", 1),
];
const ids = (selected: PreviewRow[]) => selected.map((entry) => entry.id);

describe("selectPreviewRows", () => {
  it("puts the most alarming changes first, ties in server order", () => {
    expect(ids(selectPreviewRows(rows, "all", { key: "change", direction: "asc" }))).toEqual([
      "3",
      "2",
      "1",
      "4",
    ]);
  });

  it("reverses the order", () => {
    expect(ids(selectPreviewRows(rows, "all", { key: "change", direction: "desc" }))).toEqual([
      "1",
      "4",
      "2",
      "3",
    ]);
  });

  it("sorts by input name and by runtime", () => {
    expect(ids(selectPreviewRows(rows, "all", { key: "input", direction: "asc" }))).toEqual([
      "3",
      "4",
      "1",
      "2",
    ]);
    expect(ids(selectPreviewRows(rows, "all", { key: "runtime", direction: "desc" }))).toEqual([
      "1",
      "3",
      "2",
      "4",
    ]);
  });

  it("keeps only one kind of change", () => {
    expect(ids(selectPreviewRows(rows, "unchanged", { key: "change", direction: "asc" }))).toEqual([
      "1",
      "4",
    ]);
    expect(selectPreviewRows(rows, "still_failing", { key: "change", direction: "asc" })).toEqual(
      [],
    );
  });

  it("keeps every row that moved", () => {
    expect(ids(selectPreviewRows(rows, "changed", { key: "change", direction: "asc" }))).toEqual([
      "3",
      "2",
    ]);
  });

  it("does not reorder its input", () => {
    selectPreviewRows(rows, "all", { key: "runtime", direction: "asc" });
    expect(ids(rows)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("countPreviewChanges", () => {
  it("counts every kind, zero included", () => {
    expect(countPreviewChanges(rows)).toEqual({
      broken: 1,
      still_failing: 0,
      fixed: 1,
      selection_changed: 0,
      unchanged: 2,
    });
  });
});

describe("isPreviewFilter", () => {
  it("accepts the kinds of change and all, nothing else", () => {
    expect(isPreviewFilter("all")).toBe(true);
    expect(isPreviewFilter("selection_changed")).toBe(true);
    expect(isPreviewFilter("changed")).toBe(true);
    expect(isPreviewFilter("moved")).toBe(false);
  });
});

describe("defaultPreviewFilter", () => {
  it("starts with the rows that moved, or all when none did", () => {
    expect(defaultPreviewFilter(rows)).toBe("changed");
    expect(defaultPreviewFilter([row("1", "unchanged", "BTCUSDT", 1)])).toBe("all");
    expect(defaultPreviewFilter([])).toBe("all");
  });
});
