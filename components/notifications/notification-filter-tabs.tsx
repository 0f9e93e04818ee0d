import Link from "next/link";
import { cn } from "@/lib/utils/cn";

export type NotificationFilter = "all" | "unread";

const filters: readonly { value: NotificationFilter; label: string; href: string }[] = [
  { value: "all", label: "All", href: "/notifications" },
  { value: "unread", label: "Unread", href: "/notifications?filter=unread" },
];

// Links, not buttons: each filter is its own URL, so it survives reloads and sharing.
export function NotificationFilterTabs({
  active,
  unreadCount,
}: {
  active: NotificationFilter;
  unreadCount: number;
}) {
  return (
    <nav aria-label="Filter notifications" className="mb-4">
      <ul className="inline-flex gap-1 rounded-lg border border-border bg-muted/50 p-1">
        {filters.map((filter) => {
          const isActive = filter.value === active;
          return (
            <li key={filter.value}>
              <Link
                href={filter.href}
                aria-current={isActive ? "page" : undefined}
                data-testid={`notifications-filter-${filter.value}`}
                className={cn(
                  "flex items-center gap-1.5 rounded-md px-3 py-1 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
                  isActive && "bg-card text-foreground shadow-sm",
                )}
              >
                {filter.label}
                {filter.value === "unread" && unreadCount > 0 ? (
                  <span className="rounded-full bg-primary/15 px-1.5 text-xs tabular-nums text-primary dark:text-link">
                    {unreadCount.toLocaleString("en-US")}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
