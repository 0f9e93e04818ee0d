import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// Titles are the only unbounded field, and Postgres NOTIFY (8000 bytes) and Pusher
// (10 KB) cap payloads. Clients refetch what they show, so a cut title is cosmetic:
// 300 code points stay far below both limits even when every one needs escaping.
export const maxRealtimeTitleLength = 300;

export function shrinkRealtimeEvent(event: RealtimeEvent): RealtimeEvent {
  if (!("title" in event)) return event;
  // By code point, so a cut never leaves half a surrogate pair behind.
  const codePoints = Array.from(event.title);
  if (codePoints.length <= maxRealtimeTitleLength) return event;
  return { ...event, title: `${codePoints.slice(0, maxRealtimeTitleLength - 1).join("")}…` };
}
