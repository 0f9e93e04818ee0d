"use client";

import Link from "next/link";
import { NotificationSummary } from "@/components/notifications/notification-summary";
import { useNotifications } from "@/components/notifications/notifications-provider";
import { getNotificationHref } from "@/lib/notifications/notification-href";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { cn } from "@/lib/utils/cn";

// One row of /notifications: the whole row is the link, and following it marks it read.
export function NotificationListItem({ notification }: { notification: NotificationView }) {
  const { markRead } = useNotifications();
  const isUnread = notification.readAt === null;
  return (
    <li className="border-b border-border last:border-0">
      <Link
        href={getNotificationHref(notification)}
        onClick={() => void markRead(notification)}
        data-testid="notification-row"
        data-notification-id={notification.id}
        data-unread={isUnread}
        className={cn(
          "flex items-start gap-3 px-4 py-3 transition-colors hover:bg-subtle",
          isUnread && "bg-primary/[0.03]",
        )}
      >
        <NotificationSummary notification={notification} density="list" />
      </Link>
    </li>
  );
}
