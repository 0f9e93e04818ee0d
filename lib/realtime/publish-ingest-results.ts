import { getDb } from "@/lib/db";
import type { IngestedEvent } from "@/lib/ingest/ingest-error-events";
import {
  type GroupSummary,
  listTouchedGroups,
  toIngestRealtimeEvents,
} from "@/lib/realtime/ingest-realtime-events";
import { publishManyToUser } from "@/lib/realtime/publish-to-user";

// Run after the ingest response (scheduleAfterResponse): new and changed groups show
// up in open pages without holding the executor's request. Only new groups and
// regressions cost a read (their title), so the common repeat error publishes
// without one. Never throws.
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
  await publishManyToUser(userId, toIngestRealtimeEvents(touched, summaries));
}
