import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

// The error-group state machine, in one place. Pure: no database, no clock.
// Users triage (resolve, reopen, ignore); Faultline itself moves groups into the
// regression and fix states, which a user can therefore never request.

export type LifecycleActor = "user" | "system";

const userSettableStatuses: ReadonlySet<ErrorGroupStatus> = new Set([
  "unresolved",
  "resolved",
  "ignored",
]);

const triage: readonly ErrorGroupStatus[] = ["unresolved", "resolved", "ignored"];

const userTransitions: Record<ErrorGroupStatus, readonly ErrorGroupStatus[]> = {
  unresolved: ["resolved", "ignored"],
  resolved: ["unresolved", "ignored"],
  regressed: triage,
  ignored: ["unresolved", "resolved"],
  // A proposed or deployed fix can be accepted (resolve), rejected (reopen) or muted.
  fix_proposed: triage,
  fix_deployed: triage,
};

const systemTransitions: Record<ErrorGroupStatus, readonly ErrorGroupStatus[]> = {
  // A fix can be proposed by the AI or written and deployed by hand from any open state.
  unresolved: ["fix_proposed", "fix_deployed"],
  // A new event after a resolve is a regression.
  resolved: ["regressed"],
  regressed: ["fix_proposed", "fix_deployed"],
  // Ignore windows (until a time or N more events) expire back to unresolved.
  ignored: ["unresolved"],
  fix_proposed: ["fix_deployed", "unresolved"],
  // A deployed fix that holds through its watch window resolves; one that doesn't regresses.
  fix_deployed: ["resolved", "regressed"],
};

export function isUserSettableStatus(status: ErrorGroupStatus): boolean {
  return userSettableStatuses.has(status);
}

// Staying in the same status is not a transition: callers treat it as a no-op.
export function canTransition(
  from: ErrorGroupStatus,
  to: ErrorGroupStatus,
  actor: LifecycleActor = "user",
): boolean {
  const table = actor === "user" ? userTransitions : systemTransitions;
  return table[from].includes(to);
}
