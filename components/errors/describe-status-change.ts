import type { GroupStatusesChange } from "@/lib/errors/change-group-statuses";

export type TriageStatus = "resolved" | "ignored" | "unresolved";

export const triageVerbs: Record<TriageStatus, { verb: string; past: string }> = {
  resolved: { verb: "Resolve", past: "Resolved" },
  ignored: { verb: "Ignore", past: "Ignored" },
  unresolved: { verb: "Reopen", past: "Reopened" },
};

const alreadyLabel: Record<TriageStatus, string> = {
  resolved: "already resolved",
  ignored: "already ignored",
  unresolved: "already open",
};

const maxListedFailures = 3;

function groupsLabel(count: number): string {
  return `${count.toLocaleString("en-US")} error ${count === 1 ? "group" : "groups"}`;
}

export type StatusChangeMessages = {
  success: string | null;
  failure: { title: string; lines: string[] } | null;
};

// What the toasts say after a bulk change. Failures name each group (by title when
// it is on the page) with the reason, so a refused group is never silently skipped.
export function describeStatusChange(
  result: GroupStatusesChange,
  to: TriageStatus,
  titleOf: (groupId: string) => string | undefined,
): StatusChangeMessages {
  const parts: string[] = [];
  if (result.changed.length > 0) {
    parts.push(`${triageVerbs[to].past} ${groupsLabel(result.changed.length)}`);
  }
  if (result.unchanged.length > 0) {
    const count = result.unchanged.length;
    parts.push(`${groupsLabel(count)} ${count === 1 ? "was" : "were"} ${alreadyLabel[to]}`);
  }
  const failures = result.failed;
  const lines = failures
    .slice(0, maxListedFailures)
    .map((failure) => `${titleOf(failure.groupId) ?? failure.groupId}: ${failure.message}`);
  if (failures.length > maxListedFailures) {
    lines.push(`…and ${failures.length - maxListedFailures} more`);
  }
  return {
    success: parts.length > 0 ? parts.join("; ") : null,
    failure:
      failures.length > 0
        ? { title: `${groupsLabel(failures.length)} could not be changed`, lines }
        : null,
  };
}
