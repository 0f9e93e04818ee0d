"use client";

import Link from "next/link";
import { NotificationKindIcon } from "@/components/notifications/notification-kind-icon";
import { useNotifications } from "@/components/notifications/notifications-provider";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { getNotificationHref } from "@/lib/notifications/notification-href";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { cn } from "@/lib/utils/cn";

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
        <NotificationKindIcon kind={notification.kind} className="mt-0.5" />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span
            className={cn(
              "line-clamp-2 break-words text-sm",
              isUnread ? "font-medium text-foreground" : "text-muted-foreground",
            )}
          >
            {notification.title}
          </span>
          {notification.body ? (
            <span className="line-clamp-1 text-xs text-muted-foreground">{notification.body}</span>
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
    </DropdownMenuItem>
  );
}
