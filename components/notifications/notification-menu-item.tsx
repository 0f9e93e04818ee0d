"use client";

import Link from "next/link";
import { NotificationSummary } from "@/components/notifications/notification-summary";
import { useNotifications } from "@/components/notifications/notifications-provider";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { getNotificationHref } from "@/lib/notifications/notification-href";
import type { NotificationView } from "@/lib/notifications/notification-view";

// A link to what the notification is about; following it (click or Enter) marks it read.
export function NotificationMenuItem({ notification }: { notification: NotificationView }) {
  const { markRead } = useNotifications();
  const isUnread = notification.readAt === null;
  return (
    <DropdownMenuItem asChild className="items-start gap-3 px-2.5 py-2">
      <Link
        href={getNotificationHref(notification)}
        onClick={() => void markRead(notification)}
        data-testid="notification-item"
        data-notification-id={notification.id}
        data-unread={isUnread}
      >
        <NotificationSummary notification={notification} density="menu" />
      </Link>
    </DropdownMenuItem>
  );
}
