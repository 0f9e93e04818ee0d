import { BellOff, ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import {
  type NotificationFilter,
  NotificationFilterTabs,
} from "@/components/notifications/notification-filter-tabs";
import { NotificationListItem } from "@/components/notifications/notification-list-item";
import { RefreshOnNotification } from "@/components/notifications/refresh-on-notification";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUserPage } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { toNotificationView } from "@/lib/notifications/notification-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Notifications" };

const pageSize = 25;

const searchParamsSchema = z.object({
  filter: z.enum(["all", "unread"]).catch("all"),
  cursor: z.string().min(1).max(512).optional().catch(undefined),
});

function pageHref(filter: NotificationFilter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter === "unread") params.set("filter", "unread");
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/notifications?${query}` : "/notifications";
}

async function loadPage(userId: string, filter: NotificationFilter, cursor?: string) {
  try {
    return await listNotifications({
      userId,
      isUnreadOnly: filter === "unread",
      cursor,
      limit: pageSize,
    });
  } catch (error) {
    // A stale or hand-edited cursor: start again from the newest instead of failing.
    if (cursor && error instanceof AppError && error.code === "validation_failed") {
      redirect(pageHref(filter));
    }
    throw error;
  }
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filter, cursor } = searchParamsSchema.parse(await searchParams);
  const user = await requireUserPage(pageHref(filter, cursor));
  const [page, unreadCount] = await Promise.all([
    loadPage(user.id, filter, cursor),
    countUnreadNotifications({ userId: user.id }),
  ]);

  return (
    <>
      <PageHeader
        title="Notifications"
        count={unreadCount}
        countLabel="unread"
        description="New error groups and regressions from your traders."
        actions={<MarkAllReadButton isDisabled={unreadCount === 0} />}
      />
      {cursor ? null : <RefreshOnNotification />}
      <NotificationFilterTabs active={filter} unreadCount={unreadCount} />
      {page.notifications.length === 0 ? (
        <EmptyState
          data-testid="notifications-empty-state"
          icon={<BellOff />}
          title={filter === "unread" ? "No unread notifications" : "No notifications yet"}
          description={
            filter === "unread"
              ? "You're all caught up."
              : "You'll be notified here when a trader hits a new error or an old one comes back."
          }
        />
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-card">
          <ul aria-label="Notifications" data-testid="notifications-list">
            {page.notifications.map((notification) => (
              <NotificationListItem
                key={notification.id}
                notification={toNotificationView(notification)}
              />
            ))}
          </ul>
        </div>
      )}
      {cursor || page.nextCursor ? (
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-2">
          {cursor ? (
            <Button asChild variant="ghost" size="sm">
              <Link href={pageHref(filter)}>Back to newest</Link>
            </Button>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={pageHref(filter, page.nextCursor)} data-testid="notifications-older">
                Older
                <ChevronRight aria-hidden="true" />
              </Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
