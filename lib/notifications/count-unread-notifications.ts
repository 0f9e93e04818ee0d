import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export async function countUnreadNotifications({ userId }: { userId: string }): Promise<number> {
  // An empty id must never reach Prisma, where it could read as "no filter".
  if (!userId) throw new AppError("unauthorized", "Sign in to count notifications.");
  return getDb().notification.count({ where: { userId, readAt: null } });
}
