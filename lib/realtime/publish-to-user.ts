import { getRealtimeDriver } from "@/lib/realtime/get-realtime-driver";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import { shrinkRealtimeEvent } from "@/lib/realtime/shrink-realtime-event";
import { logSystemError } from "@/lib/system-errors/log-system-error";

// Best effort: the database is the truth and pages refetch it, so a failed publish is
// logged (as a system error too) and swallowed. Never throws; call it after the data has committed.
export async function publishToUser(userId: string, event: RealtimeEvent): Promise<void> {
  await publishManyToUser(userId, [event]);
}

// Several events in one round trip (Postgres) or as few requests as possible (Pusher).
export async function publishManyToUser(userId: string, events: RealtimeEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await getRealtimeDriver().publish(userId, events.map(shrinkRealtimeEvent));
  } catch (error) {
    const types = events.map((event) => event.type);
    console.error("[realtime] publish failed", { userId, types }, error);
    await logSystemError({
      errorType: "realtime_publish_failed",
      severity: "low",
      component: "realtime",
      error,
      context: { user_id: userId, event_types: types },
    });
  }
}
