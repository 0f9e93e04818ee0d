import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type MarkNotificationsReadOptions = {
  userId: string;
  // One notification, or every unread one of the user when omitted.
  notificationId?: string;
  now?: Date;
};

// Idempotent: rows already read keep their first read_at. Only the owner's rows are
// touched; someone else's id answers not_found, exactly like an unknown one.
export async function markNotificationsRead({
  userId,
  notificationId,
  now = new Date(),
}: MarkNotificationsReadOptions): Promise<{ markedCount: number }> {
  if (!userId) throw new AppError("unauthorized", "Sign in to update notifications.");
  const db = getDb();
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: now },
  });
  if (notificationId && count === 0) {
    const owned = await db.notification.findFirst({
      where: { id: notificationId, userId },
      select: { id: true },
    });
    if (!owned) throw new AppError("not_found", "Notification not found.");
  }
  return { markedCount: count };
}
