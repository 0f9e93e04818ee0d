import type { FilterRunResult } from "@/lib/filters/filter-types";
import type { SourceViolation } from "@/lib/regeneration/check-candidate-source";

export type InputSource = "failing" | "recent_event" | "synthetic" | "edge_case";

// What one run of a filter did, small enough to store per input.
export type RunOutcome =
  | { ok: true; match: boolean; score: number | null; note: string | null; durationMs: number }
  | {
      ok: false;
      errorType: "compilation" | "runtime" | "timeout" | "panic";
      message: string;
      line: number | null;
      durationMs: number;
    };

export type VerificationCase = {
  id: string;
  label: string;
  source: InputSource;
  passed: boolean;
  /** The failing version on the same input (null when it was not run). */
  old: RunOutcome | null;
  new: RunOutcome;
};

// Stored as regeneration_attempts.verification evidence; the UI shows old vs new per input.
export type VerificationReport = {
  passed: boolean;
  staticViolations: SourceViolation[];
  compilation: { ok: true } | { ok: false; message: string; line: number | null } | null;
  cases: VerificationCase[];
  /** Whether the failing version still fails on the failing input (null: not run). */
  failureReproduced: boolean | null;
  summary: { total: number; passed: number; failed: number };
};

const MAX_MESSAGE_CHARS = 500;
const MAX_NOTE_CHARS = 200;

const roundDuration = (durationMs: number) => Math.round(durationMs * 100) / 100;

export function toRunOutcome(result: FilterRunResult): RunOutcome {
  if (result.ok) {
    return {
      ok: true,
      match: result.match,
      score: result.score,
      note: result.note === null ? null : result.note.slice(0, MAX_NOTE_CHARS),
      durationMs: roundDuration(result.durationMs),
    };
  }
  return {
    ok: false,
    errorType: result.errorType,
    message: result.message.slice(0, MAX_MESSAGE_CHARS),
    line: result.line,
    durationMs: roundDuration(result.durationMs),
  };
}
