"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { getNavItems, isNavItemActive } from "@/components/shell/nav-items";
import { cn } from "@/lib/utils/cn";

type NavLinksProps = {
  isAdmin: boolean;
  onNavigate?: () => void;
};

export function NavLinks({ isAdmin, onNavigate }: NavLinksProps) {
  const pathname = usePathname() ?? "";
  return (
    <ul className="flex flex-col gap-0.5">
      {getNavItems({ isAdmin }).map((item) => {
        const isActive = isNavItemActive(item, pathname);
        const Icon = item.icon;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={isActive ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground transition-colors",
                "hover:bg-subtle hover:text-foreground",
                isActive && "bg-subtle text-foreground",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn("size-4 shrink-0", isActive && "text-primary dark:text-link")}
              />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
