import type { BadgeVariant } from "@/components/ui/badge";
import type { PreviewChange, PreviewRow } from "@/lib/preview/preview-types";

// Most alarming first: the default order of the preview table.
export const PREVIEW_CHANGES: readonly PreviewChange[] = [
  "broken",
  "still_failing",
  "fixed",
  "selection_changed",
  "unchanged",
];

export const previewChangeLabels: Record<PreviewChange, string> = {
  broken: "Broken",
  still_failing: "Still failing",
  fixed: "Fixed",
  selection_changed: "Selection changed",
  unchanged: "Unchanged",
};

export const previewChangeTones: Record<PreviewChange, BadgeVariant> = {
  broken: "runtime",
  still_failing: "timeout",
  fixed: "resolved",
  selection_changed: "accent",
  unchanged: "outline",
};

export type PreviewSortKey = "change" | "input" | "runtime";
export type PreviewSort = { key: PreviewSortKey; direction: "asc" | "desc" };
/** "changed": every row whose result moved, i.e. all but the unchanged ones. */
export type PreviewFilter = PreviewChange | "all" | "changed";

const changeRank = (change: PreviewChange) => PREVIEW_CHANGES.indexOf(change);
const inputName = (row: PreviewRow) => `${row.symbol} ${row.interval} ${row.label}`;

function compareRows(a: PreviewRow, b: PreviewRow, key: PreviewSortKey): number {
  if (key === "runtime") return a.new.durationMs - b.new.durationMs;
  if (key === "input") return inputName(a).localeCompare(inputName(b));
  return changeRank(a.change) - changeRank(b.change);
}

function matchesFilter(row: PreviewRow, filter: PreviewFilter): boolean {
  if (filter === "all") return true;
  if (filter === "changed") return row.change !== "unchanged";
  return row.change === filter;
}

// The rows the table shows: those of one kind of change (or all), in the chosen order;
// ties keep the server's order so the table does not jump between sorts.
export function selectPreviewRows(
  rows: readonly PreviewRow[],
  filter: PreviewFilter,
  sort: PreviewSort,
): PreviewRow[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => matchesFilter(row, filter))
    .sort((a, b) => sign * compareRows(a.row, b.row, sort.key) || a.index - b.index)
    .map(({ row }) => row);
}

// How many rows each kind of change has, for the filter's options.
export function countPreviewChanges(rows: readonly PreviewRow[]): Record<PreviewChange, number> {
  const counts: Record<PreviewChange, number> = {
    broken: 0,
    still_failing: 0,
    fixed: 0,
    selection_changed: 0,
    unchanged: 0,
  };
  for (const row of rows) counts[row.change] += 1;
  return counts;
}

export function isPreviewFilter(value: string): value is PreviewFilter {
  return (
    value === "all" || value === "changed" || (PREVIEW_CHANGES as readonly string[]).includes(value)
  );
}

// A long table of unchanged inputs buries the few that moved: start with those, if any.
export function defaultPreviewFilter(rows: readonly PreviewRow[]): PreviewFilter {
  return rows.some((row) => row.change !== "unchanged") ? "changed" : "all";
}
