import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// Events that change what the inbox, group detail and trader pages render.
// notification.created is the bell's business (components/notifications).
export function isPageDataEvent(event: RealtimeEvent): boolean {
  return event.type.startsWith("group.") || event.type.startsWith("trader.");
}
