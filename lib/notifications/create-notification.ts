import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { type NotificationRecord, notificationSelect } from "@/lib/notifications/notification-view";
import { publishToUser } from "@/lib/realtime/publish-to-user";

export type CreateNotificationInput = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  groupId?: string;
  traderId?: string;
  data?: Prisma.InputJsonValue;
};

// A group or trader of another user must never be linked from this user's notification.
async function assertOwnedLinks(tx: Prisma.TransactionClient, input: CreateNotificationInput) {
  const { userId, groupId, traderId } = input;
  const [group, trader] = await Promise.all([
    groupId
      ? tx.errorGroup.findFirst({ where: { id: groupId, userId }, select: { id: true } })
      : null,
    traderId
      ? tx.trader.findFirst({ where: { id: traderId, userId }, select: { id: true } })
      : null,
  ]);
  if (groupId && !group) throw new AppError("not_found", "Error group not found.");
  if (traderId && !trader) throw new AppError("not_found", "Trader not found.");
}

// For notifications raised by app code (ingest writes its own in SQL). Call it inside
// the caller's transaction: the row and its delivery job commit or roll back together.
// Publish with publishNotificationCreated only after that transaction has committed.
export async function createNotification(
  tx: Prisma.TransactionClient,
  input: CreateNotificationInput,
): Promise<NotificationRecord> {
  if (!input.userId) throw new AppError("unauthorized", "A notification needs its owner.");
  await assertOwnedLinks(tx, input);
  const notification = await tx.notification.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      groupId: input.groupId,
      traderId: input.traderId,
      data: input.data,
    },
    select: notificationSelect,
  });
  await enqueueJob(tx, {
    kind: "notification.deliver",
    payload: { notificationId: notification.id },
    dedupeKey: `notification.deliver:${notification.id}`,
  });
  return notification;
}

export async function publishNotificationCreated(notification: NotificationRecord): Promise<void> {
  await publishToUser(notification.userId, {
    type: "notification.created",
    notificationId: notification.id,
    kind: notification.kind,
    title: notification.title,
    groupId: notification.groupId,
  });
}
