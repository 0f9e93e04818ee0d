import { getDb } from "@/lib/db";
import { buildNotificationEmail, notificationEmailSelect } from "@/lib/email/notification-email";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { getNotificationPreference } from "@/lib/notifications/notification-preferences";
import { CircuitOpenError } from "@/lib/resilience/service-policy-errors";
import { logSystemError } from "@/lib/system-errors/log-system-error";

export type DeliveryOutcome =
  // The notification was deleted before its job ran: nothing to deliver.
  | { result: "missing" }
  // Preference `off`: no email and no row (the in-app notification is the only trace).
  | { result: "off" }
  // Preference `digest` (or the digest kind itself): no row now, the daily digest picks
  // the notification up by its kind's preference.
  | { result: "digest" }
  | { result: "email"; emailId: string; status: EmailStatus };

export function notificationEmailKey(notificationId: string): string {
  return `notification:${notificationId}`;
}

/**
 * Handler of the `notification.deliver` job: emails one notification according to its
 * owner's preference for its kind. Immediate emails are throttled per error group
 * (EMAIL_THROTTLE_MINUTES): a later one in the window is recorded as `throttled` and
 * goes into the daily digest. Safe to retry: the email is keyed by the notification.
 */
export async function deliverNotification({
  notificationId,
}: {
  notificationId: string;
}): Promise<DeliveryOutcome> {
  const notification = await getDb().notification.findUnique({
    where: { id: notificationId },
    select: notificationEmailSelect,
  });
  if (!notification) return { result: "missing" };
  const email = buildNotificationEmail(notification);
  if (!email) return { result: "digest" };

  const preference = await getNotificationPreference({
    userId: notification.userId,
    kind: notification.kind,
  });
  if (preference === "off") return { result: "off" };
  if (preference === "digest") return { result: "digest" };

  try {
    const sent = await sendEmail({
      userId: notification.userId,
      to: notification.user.email,
      kind: notification.kind,
      subject: email.subject,
      react: email.react,
      idempotencyKey: notificationEmailKey(notification.id),
      notificationId: notification.id,
      throttle: notification.groupId
        ? { groupId: notification.groupId, windowMinutes: env.EMAIL_THROTTLE_MINUTES }
        : undefined,
    });
    return { result: "email", ...sent };
  } catch (error) {
    // Still thrown: the job retries with backoff; the in-app notification already exists.
    // With the email circuit open nothing was attempted: the opening was logged once, a
    // row per skipped email would only bury it.
    if (error instanceof CircuitOpenError) throw error;
    await logSystemError({
      errorType: "email_delivery_failed",
      severity: "medium",
      component: "email",
      // One summary for every email, so a provider outage is one counted row a minute
      // (see logSystemError); the provider's own message is kept in the context.
      message: "A notification email could not be sent.",
      error,
      context: {
        notification_id: notification.id,
        user_id: notification.userId,
        kind: notification.kind,
      },
    });
    throw error;
  }
}
