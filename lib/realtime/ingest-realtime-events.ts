import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import type { IngestedEvent } from "@/lib/ingest/ingest-error-events";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

export type TouchedGroup = {
  groupId: string;
  change: "created" | "regressed" | "updated";
  // After the call's last event for the group.
  status: ErrorGroupStatus;
};

export type GroupSummary = { traderId: string; title: string };

// The groups an ingest call changed, once each, in first-seen order: created if the
// call opened it, regressed if it reopened it, otherwise updated. Replays changed
// nothing and are left out.
export function listTouchedGroups(results: IngestedEvent[]): TouchedGroup[] {
  const touched = new Map<string, TouchedGroup>();
  for (const result of results) {
    if (result.isReplay || result.groupStatus === null) continue;
    const seen = touched.get(result.groupId);
    const change = result.isNewGroup
      ? "created"
      : result.isRegression && seen?.change !== "created"
        ? "regressed"
        : (seen?.change ?? "updated");
    touched.set(result.groupId, { groupId: result.groupId, change, status: result.groupStatus });
  }
  return [...touched.values()];
}

// created/regressed carry the title for the toast; `summaries` holds those groups.
export function toIngestRealtimeEvents(
  touched: TouchedGroup[],
  summaries: ReadonlyMap<string, GroupSummary>,
): RealtimeEvent[] {
  return touched.flatMap(({ groupId, change, status }): RealtimeEvent[] => {
    if (change === "updated") return [{ type: "group.updated", groupId, status }];
    const summary = summaries.get(groupId);
    // Deleted between the commit and now: nothing left to show.
    if (!summary) return [];
    const type = change === "created" ? "group.created" : "group.regressed";
    return [{ type, groupId, traderId: summary.traderId, title: summary.title }];
  });
}
