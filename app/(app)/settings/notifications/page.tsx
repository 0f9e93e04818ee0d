import type { Metadata } from "next";
import Link from "next/link";
import { NotificationPreferencesForm } from "@/app/(app)/settings/notifications/notification-preferences-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireUserPage } from "@/lib/auth/current-user";
import { isEmailSendingConfigured } from "@/lib/email/email-sending";
import { env } from "@/lib/env";
import { getNotificationPreferences } from "@/lib/notifications/notification-preferences";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Notification emails" };

export default async function NotificationSettingsPage() {
  const user = await requireUserPage("/settings/notifications");
  const preferences = await getNotificationPreferences({ userId: user.id });

  return (
    <>
      <PageHeader
        title="Notification emails"
        description={
          <>
            Choose which notifications are emailed to {user.email}. Every notification still shows
            up in the app. Emails land in your{" "}
            <Link href="/settings/mailbox" className="text-link underline-offset-4 hover:underline">
              mailbox
            </Link>
            {isEmailSendingConfigured()
              ? " too."
              : " only: email sending is not configured on this server."}
          </>
        }
      />
      <NotificationPreferencesForm
        initial={preferences}
        digestHourUtc={env.DIGEST_HOUR_UTC}
        throttleMinutes={env.EMAIL_THROTTLE_MINUTES}
      />
    </>
  );
}
