import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// Ingest writes a notification with every new group and regression, so these events
// mean the list and unread count are stale even before notification.created arrives.
const notificationEventTypes: ReadonlySet<RealtimeEvent["type"]> = new Set([
  "group.created",
  "group.regressed",
  "notification.created",
]);

export function isNotificationEvent(event: RealtimeEvent): boolean {
  return notificationEventTypes.has(event.type);
}
