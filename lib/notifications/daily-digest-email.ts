import { createElement } from "react";
import DailyDigestEmail, { buildDailyDigestSubject } from "@/emails/daily-digest";
import { getDb } from "@/lib/db";
import { notificationSettingsPath, toAppUrl } from "@/lib/email/app-url";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { listDailyDigestItems } from "@/lib/notifications/daily-digest-items";
import { getDigestWindow } from "@/lib/notifications/daily-digest-window";
import { getNotificationHref } from "@/lib/notifications/notification-href";
import { getNotificationPreference } from "@/lib/notifications/notification-preferences";

export type DigestOutcome =
  | { result: "off" | "empty" | "missing" }
  | { result: "email"; emailId: string; status: EmailStatus };

export function dailyDigestEmailKey(userId: string, day: string): string {
  return `digest:${userId}:${day}`;
}

/**
 * Handler of the `email.digest` job: one email per user and day with the digest-worthy
 * notifications of the 24 hours before that day's DIGEST_HOUR_UTC. Keyed by user and
 * day, so a retried or duplicated job never sends a second digest.
 */
export async function sendDailyDigest({
  userId,
  day,
}: {
  userId: string;
  day: string;
}): Promise<DigestOutcome> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { result: "missing" };
  if ((await getNotificationPreference({ userId, kind: "daily_digest" })) === "off") {
    return { result: "off" };
  }
  const window = getDigestWindow(day, env.DIGEST_HOUR_UTC);
  const { items, total } = await listDailyDigestItems({ userId, window });
  if (items.length === 0) return { result: "empty" };

  const props = {
    periodEnd: window.end.toISOString(),
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      traderName: item.traderName,
      url: toAppUrl(getNotificationHref(item)),
      createdAt: item.createdAt.toISOString(),
    })),
    moreCount: total - items.length,
    notificationsUrl: toAppUrl("/notifications"),
    settingsUrl: toAppUrl(notificationSettingsPath),
  };
  const sent = await sendEmail({
    userId,
    to: user.email,
    kind: "daily_digest",
    subject: buildDailyDigestSubject(props),
    react: createElement(DailyDigestEmail, props),
    idempotencyKey: dailyDigestEmailKey(userId, day),
  });
  return { result: "email", ...sent };
}
