import { NotificationKindIcon } from "@/components/notifications/notification-kind-icon";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { cn } from "@/lib/utils/cn";

// What one notification shows (icon, title, body, time, unread dot), in the bell's
// compact menu or the roomier /notifications list.
export function NotificationSummary({
  notification,
  density,
}: {
  notification: NotificationView;
  density: "menu" | "list";
}) {
  const isUnread = notification.readAt === null;
  const isMenu = density === "menu";
  return (
    <>
      <NotificationKindIcon kind={notification.kind} className="mt-0.5" />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span
          className={cn(
            "break-words text-sm",
            isMenu && "line-clamp-2",
            isUnread ? "font-medium text-foreground" : "text-muted-foreground",
          )}
        >
          {notification.title}
        </span>
        {notification.body ? (
          <span
            className={cn(
              "text-muted-foreground",
              isMenu ? "line-clamp-1 text-xs" : "line-clamp-2 text-sm",
            )}
          >
            {notification.body}
          </span>
        ) : null}
        <RelativeTime date={notification.createdAt} className="text-xs text-muted-foreground" />
      </span>
      {isUnread ? (
        <>
          <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-primary" />
          <span className="sr-only">Unread</span>
        </>
      ) : null}
    </>
  );
}
