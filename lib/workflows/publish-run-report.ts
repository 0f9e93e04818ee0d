import { publishNotificationCreated } from "@/lib/notifications/create-notification";
import { publishIngestResults } from "@/lib/realtime/publish-ingest-results";
import type { ReportedRun } from "@/lib/workflows/report-schedule-run";

// After the response: the run's error group and a "workflow disabled" notification
// show up live in open pages. Both publishers log and swallow failures.
export async function publishRunReport(userId: string, reported: ReportedRun): Promise<void> {
  if (reported.status !== "processed") return;
  if (reported.error) await publishIngestResults(userId, [reported.error]);
  if (reported.notification) await publishNotificationCreated(reported.notification);
}
