import type { InputSource, RunOutcome } from "@/lib/regeneration/verification-report";

// How one input's result moved between the old code and the new.
export type PreviewChange =
  | "fixed" // old failed, new runs
  | "broken" // old ran, new fails
  | "still_failing" // both fail
  | "selection_changed" // both run, the match differs
  | "unchanged"; // both run with the same match

export type PreviewRow = {
  id: string;
  label: string;
  source: InputSource;
  symbol: string;
  interval: string;
  /** Null when there is no old code to run (a trader without a version). */
  old: RunOutcome | null;
  new: RunOutcome;
  change: PreviewChange;
};

export type FixPreview = {
  /** The code in the "old" column: the version that failed, or the event's snapshot. */
  base: { label: string; versionId: string | null; version: number | null };
  rows: PreviewRow[];
  summary: {
    total: number;
    fixed: number;
    broken: number;
    stillFailing: number;
    selectionChanged: number;
    unchanged: number;
    /** Whether the new code runs on the failing input (null: no failing input known). */
    fixesFailingInput: boolean | null;
    /** One sentence, e.g. "Fixes the failure on BTCUSDT 5m; selection changes on 3 of 40 symbols." */
    text: string;
  };
};

// POST /api/errors/:id/preview answers newline-delimited JSON, one message per line.
export type PreviewStreamMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; preview: FixPreview }
  | { type: "error"; title: string; detail: string };
