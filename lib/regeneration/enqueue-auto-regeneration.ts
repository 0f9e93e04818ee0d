import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { getAiSettings } from "@/lib/regeneration/ai-settings";

/**
 * Run by the `notification.deliver` job of each notification: a new error group or a
 * regression queues one `regeneration.auto` job for its group, keyed by the
 * notification so a retried delivery does not queue another. Users whose policy is
 * off (the default) get no job at all. Returns whether a job was queued.
 */
export async function enqueueAutoRegenerationForNotification({
  notificationId,
}: {
  notificationId: string;
}): Promise<boolean> {
  if (env.AI_FIXES === "off") return false;
  const db = getDb();
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: { userId: true, kind: true, groupId: true },
  });
  if (!notification?.groupId) return false;
  if (notification.kind !== "new_group" && notification.kind !== "regression") return false;
  const { regenerationPolicy } = await getAiSettings({ userId: notification.userId });
  if (regenerationPolicy === "off") return false;
  await enqueueJob(db, {
    kind: "regeneration.auto",
    payload: { groupId: notification.groupId },
    dedupeKey: `regeneration.auto:${notificationId}`,
  });
  return true;
}
