"use client";

import { Bell, CheckCheck, Inbox } from "lucide-react";
import Link from "next/link";
import {
  formatUnreadBadge,
  formatUnreadLabel,
} from "@/components/notifications/format-unread-label";
import { NotificationMenuItem } from "@/components/notifications/notification-menu-item";
import { useNotifications } from "@/components/notifications/notifications-provider";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils/cn";

type NotificationBellProps = {
  // The sidebar opens the menu towards the page, the phone top bar towards the left edge.
  align: "start" | "end";
  className?: string;
};

export function NotificationBell({ align, className }: NotificationBellProps) {
  const { unreadCount, latest, hasLoadError, refresh, markAllRead } = useNotifications();
  return (
    <DropdownMenu
      onOpenChange={(isOpen) => {
        if (isOpen) void refresh();
      }}
    >
      <DropdownMenuTrigger
        aria-label={formatUnreadLabel(unreadCount)}
        data-testid="notification-bell"
        className={cn(
          "relative flex size-9 items-center justify-center rounded-md text-muted-foreground transition-colors",
          "hover:bg-subtle hover:text-foreground data-[state=open]:bg-subtle data-[state=open]:text-foreground",
          className,
        )}
      >
        <Bell aria-hidden="true" className="size-[18px]" />
        {unreadCount > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-unread-badge"
            className="absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold leading-none tabular-nums text-primary-foreground ring-2 ring-background"
          >
            {formatUnreadBadge(unreadCount)}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align={align}
        collisionPadding={8}
        className="flex w-[min(24rem,calc(100vw-1rem))] flex-col p-0"
        data-testid="notification-menu"
      >
        <div className="flex items-center justify-between gap-2 py-1 pl-3 pr-1">
          <DropdownMenuLabel className="px-0">Notifications</DropdownMenuLabel>
          <DropdownMenuItem
            disabled={unreadCount === 0}
            data-testid="notification-mark-all-read"
            className="text-xs font-medium"
            onSelect={(event) => {
              // Keep the menu open so the list visibly settles.
              event.preventDefault();
              void markAllRead();
            }}
          >
            <CheckCheck aria-hidden="true" />
            Mark all read
          </DropdownMenuItem>
        </div>
        <DropdownMenuSeparator className="mx-0 my-0" />
        {hasLoadError ? (
          <p role="alert" className="px-3 pt-2 text-xs text-destructive">
            Couldn't refresh notifications; showing the last ones loaded.
          </p>
        ) : null}
        {latest.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-8 text-center text-sm text-muted-foreground">
            <Inbox aria-hidden="true" className="size-5" />
            You're all caught up.
          </div>
        ) : (
          <DropdownMenuGroup className="max-h-[min(26rem,60dvh)] overflow-y-auto p-1">
            {latest.map((notification) => (
              <NotificationMenuItem key={notification.id} notification={notification} />
            ))}
          </DropdownMenuGroup>
        )}
        <DropdownMenuSeparator className="mx-0 my-0" />
        <div className="p-1">
          <DropdownMenuItem asChild className="justify-center font-medium">
            <Link href="/notifications" data-testid="notification-view-all">
              View all notifications
            </Link>
          </DropdownMenuItem>
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
