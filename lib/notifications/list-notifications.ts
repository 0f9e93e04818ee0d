import { getDb } from "@/lib/db";
import {
  cursorKeyAsDate,
  decodePageCursor,
  encodePageCursor,
} from "@/lib/errors/query/page-cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { type NotificationRecord, notificationSelect } from "@/lib/notifications/notification-view";

export const maxNotificationPageSize = 50;

export type ListNotificationsOptions = {
  userId: string;
  isUnreadOnly?: boolean;
  cursor?: string;
  limit: number;
};

export type NotificationPage = { notifications: NotificationRecord[]; nextCursor: string | null };

// Newest first; the cursor's position is independent of the read filter, so it stays
// valid when the filter changes.
const cursorSort = "notifications:created:desc";

// One page of the owner's notifications, keyset-paginated on (created_at, id) desc.
export async function listNotifications(
  options: ListNotificationsOptions,
): Promise<NotificationPage> {
  const { userId, isUnreadOnly = false } = options;
  if (!userId) throw new AppError("unauthorized", "Sign in to list notifications.");
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), maxNotificationPageSize);
  const cursor = options.cursor ? decodePageCursor(options.cursor, cursorSort) : undefined;

  const where: Prisma.NotificationWhereInput = { userId };
  if (isUnreadOnly) where.readAt = null;
  if (cursor) {
    const at = cursorKeyAsDate(cursor);
    where.OR = [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }];
  }

  const rows = await getDb().notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: notificationSelect,
  });
  const notifications = rows.slice(0, limit);
  const last = notifications.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodePageCursor({ sort: cursorSort, key: last.createdAt.toISOString(), id: last.id })
      : null;
  return { notifications, nextCursor };
}
