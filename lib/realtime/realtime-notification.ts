import { z } from "zod";
import { type RealtimeEvent, realtimeEventSchema } from "@/lib/realtime/realtime-event";

// One Postgres channel for every user: each server process LISTENs once and routes
// by the userId inside the payload.
export const realtimeNotifyChannel = "faultline_realtime";

// Postgres rejects NOTIFY payloads of 8000 bytes or more (default build).
export const maxNotifyPayloadBytes = 7_999;

const notificationSchema = z.object({ userId: z.uuid(), event: realtimeEventSchema });

export type RealtimeNotification = z.infer<typeof notificationSchema>;

export function encodeRealtimeNotification(userId: string, event: RealtimeEvent): string {
  const payload = JSON.stringify({ userId, event } satisfies RealtimeNotification);
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > maxNotifyPayloadBytes) {
    throw new Error(`A ${event.type} notification is ${bytes} bytes; NOTIFY allows 7999.`);
  }
  return payload;
}

// Anything else on the channel (a manual NOTIFY, an older deploy) is dropped, not trusted.
export function decodeRealtimeNotification(payload: string): RealtimeNotification | null {
  try {
    const parsed = notificationSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
