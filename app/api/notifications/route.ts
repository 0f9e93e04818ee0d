// GET /api/notifications – the signed-in user's notifications, newest first, with the unread count
import { readQueryParams } from "@/lib/errors/query/read-query-params";
import { withSession } from "@/lib/http/route-wrappers";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/notifications/list-notifications-query";
import {
  type NotificationListView,
  toNotificationView,
} from "@/lib/notifications/notification-view";

export const GET = withSession(async (request, { principal }) => {
  const query = readQueryParams(request, listNotificationsQuerySchema);
  const userId = principal.id;
  const [page, unreadCount] = await Promise.all([
    listNotifications({
      userId,
      isUnreadOnly: query.unread,
      cursor: query.cursor,
      limit: query.limit,
    }),
    countUnreadNotifications({ userId }),
  ]);
  const body: NotificationListView = {
    data: page.notifications.map(toNotificationView),
    nextCursor: page.nextCursor,
    unreadCount,
  };
  return Response.json(
    body,
    // Per-user and live: never served from a shared or browser cache.
    { headers: { "cache-control": "private, no-store" } },
  );
});
