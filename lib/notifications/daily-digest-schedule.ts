import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { findDigestRecipients } from "@/lib/notifications/daily-digest-items";
import { getLatestDigestWindow } from "@/lib/notifications/daily-digest-window";

export function dailyDigestJobKey(userId: string, day: string): string {
  return `email.digest:${userId}:${day}`;
}

/**
 * Enqueues the latest due digest (today's once DIGEST_HOUR_UTC has passed) for every
 * user with something to put in it. Idempotent: the dedupe key per user and day makes
 * repeated runs (hourly cron, several servers) enqueue each digest once.
 */
export async function enqueueDailyDigests({
  now = new Date(),
}: {
  now?: Date;
} = {}): Promise<{ day: string; recipients: number }> {
  const window = getLatestDigestWindow(now, env.DIGEST_HOUR_UTC);
  const userIds = await findDigestRecipients(window);
  for (const userId of userIds) {
    await enqueueJob(getDb(), {
      kind: "email.digest",
      payload: { userId, day: window.day },
      dedupeKey: dailyDigestJobKey(userId, window.day),
    });
  }
  return { day: window.day, recipients: userIds.length };
}
