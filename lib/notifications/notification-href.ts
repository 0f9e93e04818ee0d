import type { NotificationView } from "@/lib/notifications/notification-view";

// Where opening a notification takes the user: its error group when it has one.
export function getNotificationHref(notification: Pick<NotificationView, "groupId">): string {
  return notification.groupId ? `/errors/${notification.groupId}` : "/notifications";
}
