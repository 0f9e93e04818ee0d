import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import type { SessionUser } from "@/lib/auth/session-user";

const mainContentId = "main-content";

// Sidebar on laptop widths, a top bar with a drawer on phones. Only one of the
// two is ever displayed, so each landmark appears once to assistive tech.
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const isAdmin = user.role === "admin";
  return (
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
        <div className="flex h-14 items-center px-4">
          <Link href="/errors" aria-label="Faultline home" className="rounded-md">
            <Logo />
          </Link>
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
        <UserMenu user={user} layout="compact" />
      </header>

      <main id={mainContentId} tabIndex={-1} className="outline-none lg:pl-60">
        <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
      </main>
    </div>
  );
}
