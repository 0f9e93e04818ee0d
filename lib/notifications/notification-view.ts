import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationKind } from "@/lib/generated/prisma/enums";

// What the app reads for a notification; `data` stays server-side (delivery details).
export const notificationSelect = {
  id: true,
  userId: true,
  kind: true,
  title: true,
  body: true,
  groupId: true,
  traderId: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

export type NotificationRecord = Prisma.NotificationGetPayload<{
  select: typeof notificationSelect;
}>;

// The browser's shape, for props from the server and JSON from the route alike; the
// client parses the route's answer with it instead of casting.
export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(NotificationKind),
  title: z.string(),
  body: z.string().nullable(),
  groupId: z.string().nullable(),
  traderId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListViewSchema = z.object({
  data: z.array(notificationViewSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationListView = z.infer<typeof notificationListViewSchema>;

export function toNotificationView(record: NotificationRecord): NotificationView {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    body: record.body,
    groupId: record.groupId,
    traderId: record.traderId,
    readAt: record.readAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}
