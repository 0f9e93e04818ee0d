import { z } from "zod";

// Everything the browser hears live, whichever driver (Pusher or the built-in
// SSE stream) carries it. Payloads stay small: clients refetch what they show.
export const realtimeEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("group.created"),
    groupId: z.uuid(),
    traderId: z.uuid(),
    title: z.string(),
  }),
  z.object({
    type: z.literal("group.updated"),
    groupId: z.uuid(),
    status: z.string(),
    eventCount: z.number().int().optional(),
  }),
  z.object({
    type: z.literal("group.regressed"),
    groupId: z.uuid(),
    traderId: z.uuid(),
    title: z.string(),
  }),
  z.object({
    type: z.literal("notification.created"),
    notificationId: z.uuid(),
    kind: z.string(),
    title: z.string(),
    groupId: z.uuid().nullable(),
  }),
  z.object({
    type: z.literal("trader.updated"),
    traderId: z.uuid(),
    state: z.string(),
    activeVersionId: z.uuid().nullable().optional(),
  }),
]);

export type RealtimeEvent = z.infer<typeof realtimeEventSchema>;
export type RealtimeEventType = RealtimeEvent["type"];

// One private channel per user; the auth route signs only the caller's own.
export function userChannelName(userId: string): string {
  return `private-user-${userId}`;
}
