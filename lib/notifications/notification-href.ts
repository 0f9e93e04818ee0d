import type { NotificationView } from "@/lib/notifications/notification-view";

// Where opening a notification takes the user: its error group when it has one, else
// its trader (a disabled workflow), else the list.
export function getNotificationHref(
  notification: Pick<NotificationView, "groupId" | "traderId">,
): string {
  if (notification.groupId) return `/errors/${notification.groupId}`;
  if (notification.traderId) return `/traders/${notification.traderId}`;
  return "/notifications";
}
