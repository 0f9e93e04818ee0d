import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { bellNotificationLimit } from "@/components/notifications/notification-bell-limit";
import { NotificationsProvider } from "@/components/notifications/notifications-provider";
import { Logo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import type { SessionUser } from "@/lib/auth/session-user";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { toNotificationView } from "@/lib/notifications/notification-view";

const mainContentId = "main-content";

// Sidebar on laptop widths, a top bar with a drawer on phones. Only one of the
// two is ever displayed, so each landmark appears once to assistive tech. Both
// carry the notification bell; one provider feeds them.
export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const isAdmin = user.role === "admin";
  // Loaded with the page so the badge is right on first paint; the bell keeps it live.
  const [page, unreadCount] = await Promise.all([
    listNotifications({ userId: user.id, limit: bellNotificationLimit }),
    countUnreadNotifications({ userId: user.id }),
  ]);
  const notifications = { unreadCount, latest: page.notifications.map(toNotificationView) };
  return (
    <NotificationsProvider initial={notifications}>
      <div className="min-h-dvh">
        <a
          href={`#${mainContentId}`}
          className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
        >
          Skip to content
        </a>

        <aside
          aria-label="Sidebar"
          className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-border bg-sidebar lg:flex"
        >
          <div className="flex h-14 items-center justify-between gap-2 pl-4 pr-3">
            <Link href="/errors" aria-label="Faultline home" className="rounded-md">
              <Logo />
            </Link>
            <NotificationBell align="start" />
          </div>
          <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
            <NavLinks isAdmin={isAdmin} />
          </nav>
          <div className="border-t border-border p-3">
            <UserMenu user={user} layout="full" />
          </div>
        </aside>

        <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-2 border-b border-border bg-background/85 px-3 backdrop-blur lg:hidden">
          <div className="flex items-center gap-1">
            <MobileNav isAdmin={isAdmin} />
            <Link href="/errors" aria-label="Faultline home" className="rounded-md">
              <Logo />
            </Link>
          </div>
          <div className="flex items-center gap-1">
            <NotificationBell align="end" />
            <UserMenu user={user} layout="compact" />
          </div>
        </header>

        <main id={mainContentId} tabIndex={-1} className="outline-none lg:pl-60">
          <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
            {children}
          </div>
        </main>
      </div>
    </NotificationsProvider>
  );
}
