import { getDb } from "@/lib/db";
import type { IngestedEvent } from "@/lib/ingest/ingest-error-events";
import { GroupUpdateThrottle } from "@/lib/realtime/group-update-throttle";
import {
  type GroupSummary,
  listTouchedGroups,
  toIngestRealtimeEvents,
} from "@/lib/realtime/ingest-realtime-events";
import { publishManyToUser, publishToUser } from "@/lib/realtime/publish-to-user";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

const GROUP_UPDATE_WINDOW_MS = 1_000;

const groupUpdates = new GroupUpdateThrottle<{ userId: string; event: RealtimeEvent }>(
  GROUP_UPDATE_WINDOW_MS,
  ({ userId, event }) => void publishToUser(userId, event),
);

// Run after the ingest response (scheduleAfterResponse): new and changed groups show
// up in open pages without holding the executor's request. Only new groups and
// regressions cost a read (their title), so the common repeat error publishes
// without one; a hot group's updates are throttled per group. Never throws.
export async function publishIngestResults(
  userId: string,
  results: IngestedEvent[],
): Promise<void> {
  const touched = listTouchedGroups(results);
  if (touched.length === 0) return;
  const titledIds = touched.filter((group) => group.change !== "updated").map((g) => g.groupId);
  let summaries = new Map<string, GroupSummary>();
  if (titledIds.length > 0) {
    try {
      const rows = await getDb().errorGroup.findMany({
        where: { userId, id: { in: titledIds } },
        select: { id: true, traderId: true, title: true },
      });
      summaries = new Map(rows.map((row) => [row.id, row]));
    } catch (error) {
      console.error("[realtime] could not read new groups to publish", { userId }, error);
      return;
    }
  }
  const events = toIngestRealtimeEvents(touched, summaries);
  for (const event of events) {
    if (event.type === "group.updated") groupUpdates.push(event.groupId, { userId, event });
  }
  await publishManyToUser(
    userId,
    events.filter((event) => event.type !== "group.updated"),
  );
}
