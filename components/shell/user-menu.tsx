"use client";

import { ChevronsUpDown, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { UserAvatar } from "@/components/shell/user-avatar";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SessionUser } from "@/lib/auth/session-user";
import { cn } from "@/lib/utils/cn";

type UserMenuProps = {
  user: SessionUser;
  // "full" shows name and email in the trigger (sidebar); "compact" only the avatar (phone top bar).
  layout: "full" | "compact";
};

export function UserMenu({ user, layout }: UserMenuProps) {
  const displayName = user.name?.trim() || user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={`Account menu for ${displayName}`}
        data-testid={layout === "full" ? "user-menu-trigger" : "user-menu-trigger-compact"}
        className={cn(
          "flex items-center gap-2.5 rounded-md text-left transition-colors hover:bg-subtle data-[state=open]:bg-subtle",
          layout === "full" ? "w-full px-2 py-1.5" : "p-1",
        )}
      >
        <UserAvatar name={user.name} email={user.email} />
        {layout === "full" ? (
          <>
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate text-sm font-medium text-foreground">{displayName}</span>
              <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-4 text-muted-foreground" />
          </>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={layout === "full" ? "start" : "end"} className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-1 font-normal">
          <span className="flex items-center justify-between gap-2">
            <span className="truncate font-medium text-foreground">{displayName}</span>
            <Badge variant={user.role === "admin" ? "accent" : "neutral"} data-testid="user-role">
              {user.role === "admin" ? "Admin" : "Trader"}
            </Badge>
          </span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-testid="sign-out"
          onSelect={() => {
            void signOut({ callbackUrl: "/sign-in" });
          }}
        >
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
