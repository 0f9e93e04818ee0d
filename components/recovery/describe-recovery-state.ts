import type { BadgeVariant } from "@/components/ui/badge";
import type { GroupRecovery, RecoveryAttempt } from "@/lib/regeneration/get-group-recovery";

export type RecoveryState = "none" | RecoveryAttempt["status"];

export type RecoveryStateDescription = {
  state: RecoveryState;
  label: string;
  tone: BadgeVariant;
  description: string;
};

// The sidebar's headline for the latest attempt: a short label for the badge and a
// sentence that says what happens next.
export function describeRecoveryState(attempt: RecoveryAttempt | null): RecoveryStateDescription {
  if (!attempt) {
    return {
      state: "none",
      label: "No fix yet",
      tone: "outline",
      description: "No fix has been proposed for this error.",
    };
  }
  switch (attempt.status) {
    case "queued":
      return {
        state: "queued",
        label: "Queued",
        tone: "neutral",
        description: "A fix attempt is waiting to start.",
      };
    case "running":
      return {
        state: "running",
        label: "Working on a fix",
        tone: "accent",
        description: "The model is writing a fix and the sandbox is checking it.",
      };
    case "proposed":
      return {
        state: "proposed",
        label: "Fix proposed",
        tone: "fix_proposed",
        description: "A verified fix is ready for review.",
      };
    case "failed":
      return {
        state: "failed",
        label: "Attempt failed",
        tone: "runtime",
        description: attempt.error ?? "The attempt ended without a verified fix.",
      };
    case "deployed":
      return {
        state: "deployed",
        label: "Fix deployed",
        tone: "fix_deployed",
        description: "The fix is live; new events of this error count as recurrences.",
      };
    case "dismissed":
      return {
        state: "dismissed",
        label: "Dismissed",
        tone: "ignored",
        description: "The last proposal was dismissed.",
      };
  }
}

export function isAttemptInFlight(attempt: RecoveryAttempt | null): boolean {
  return attempt?.status === "queued" || attempt?.status === "running";
}

export type AiBlocker =
  | { kind: "ai_fixes_off" }
  | { kind: "not_configured" }
  | { kind: "circuit_open"; retryAfterSeconds: number | null; lastFailure: string | null };

// Why "Propose a fix" cannot work right now, the operator's switch first (with it off
// a key changes nothing). Null when it can.
export function findAiBlocker(
  recovery: Pick<GroupRecovery, "isAiFixesEnabled" | "isLlmConfigured" | "circuit">,
): AiBlocker | null {
  if (!recovery.isAiFixesEnabled) return { kind: "ai_fixes_off" };
  if (!recovery.isLlmConfigured) return { kind: "not_configured" };
  if (recovery.circuit.state === "open") {
    return {
      kind: "circuit_open",
      retryAfterSeconds: recovery.circuit.retryAfterSeconds,
      lastFailure: recovery.circuit.lastFailure,
    };
  }
  return null;
}

// The circuit only slows requests down; the other two make an attempt pointless.
export function canProposeFix(blocker: AiBlocker | null): boolean {
  return blocker === null || blocker.kind === "circuit_open";
}
