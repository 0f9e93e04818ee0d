import type { PreviewChange } from "@/lib/preview/preview-types";
import type { RunOutcome } from "@/lib/regeneration/verification-report";

// How one input's result moved from the old code to the new. Without old code the
// failing input is known to have failed (its event says so); any other input that
// fails is counted as broken, the alarming side, because nothing shows it failed before.
export function classifyPreviewChange(
  old: RunOutcome | null,
  next: RunOutcome,
  { isFailingInput }: { isFailingInput: boolean },
): PreviewChange {
  const didOldRun = old ? old.ok : !isFailingInput;
  if (!next.ok) return didOldRun ? "broken" : "still_failing";
  if (!didOldRun) return "fixed";
  if (old?.ok && old.match !== next.match) return "selection_changed";
  return "unchanged";
}
