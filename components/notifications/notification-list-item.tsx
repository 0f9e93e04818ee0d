"use client";

import Link from "next/link";
import { NotificationKindIcon } from "@/components/notifications/notification-kind-icon";
import { useNotifications } from "@/components/notifications/notifications-provider";
import { RelativeTime } from "@/components/ui/relative-time";
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
        <NotificationKindIcon kind={notification.kind} className="mt-0.5" />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span
            className={cn(
              "break-words text-sm",
              isUnread ? "font-medium text-foreground" : "text-muted-foreground",
            )}
          >
            {notification.title}
          </span>
          {notification.body ? (
            <span className="line-clamp-2 text-sm text-muted-foreground">{notification.body}</span>
          ) : null}
          <RelativeTime date={notification.createdAt} className="text-xs text-muted-foreground" />
        </span>
        {isUnread ? (
          <>
            <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-primary" />
            <span className="sr-only">Unread</span>
          </>
        ) : null}
      </Link>
    </li>
  );
}
