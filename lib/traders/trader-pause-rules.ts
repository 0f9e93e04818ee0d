import type { TraderState } from "@/lib/generated/prisma/enums";

// Pure, so the page can offer only the action the server will accept.
// A trader in `error` is still scheduled (its last run failed), so it can be paused
// but there is nothing to resume; `disabled` is Faultline switching it off, which a
// user can undo by resuming, but not "pause".
export function canPauseTrader(state: TraderState): boolean {
  return state === "running" || state === "error";
}

export function canResumeTrader(state: TraderState): boolean {
  return state === "paused" || state === "disabled";
}

export function pauseRefusal(state: TraderState): string {
  if (state === "paused") return "This trader is already paused.";
  return "A disabled trader cannot be paused: resume it first.";
}

export function resumeRefusal(state: TraderState): string {
  if (state === "running") return "This trader is already running.";
  return "This trader is not paused: it is running and its last run failed.";
}
