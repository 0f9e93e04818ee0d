"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

// Both answer the fresh unread count so the bell can settle on the server's number.
export const markNotificationReadAction = userAction(
  z.object({ notificationId: z.uuid() }),
  async ({ user, input }) => {
    await markNotificationsRead({ userId: user.id, notificationId: input.notificationId });
    return { unreadCount: await countUnreadNotifications({ userId: user.id }) };
  },
);

export const markAllNotificationsReadAction = userAction(z.object({}), async ({ user }) => {
  await markNotificationsRead({ userId: user.id });
  return { unreadCount: await countUnreadNotifications({ userId: user.id }) };
});
