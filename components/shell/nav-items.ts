import { Bug, type LucideIcon, Settings, ShieldCheck, Users } from "lucide-react";

export type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  // Highlight the item for every page under this prefix, not just the exact path.
  matchPrefix: string;
};

const traderItems: readonly NavItem[] = [
  { href: "/errors", label: "Errors", icon: Bug, matchPrefix: "/errors" },
  { href: "/traders", label: "Traders", icon: Users, matchPrefix: "/traders" },
  { href: "/settings", label: "Settings", icon: Settings, matchPrefix: "/settings" },
];

const adminItem: NavItem = {
  href: "/admin/errors",
  label: "Admin",
  icon: ShieldCheck,
  matchPrefix: "/admin",
};

// Hiding the link is only cosmetic; admin pages authorize themselves.
export function getNavItems({ isAdmin }: { isAdmin: boolean }): readonly NavItem[] {
  return isAdmin ? [...traderItems, adminItem] : traderItems;
}

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  return pathname === item.matchPrefix || pathname.startsWith(`${item.matchPrefix}/`);
}
