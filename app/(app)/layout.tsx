import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUserPage } from "@/lib/auth/current-user";

// A layout can't see the request path, so this check sends signed-out visitors
// back to /errors after sign-in. It is a safety net for the shell only: every
// page also calls requireUserPage with its own path (layouts don't re-run on
// client navigation, so they must never be the only check).
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage("/errors");
  return <AppShell user={user}>{children}</AppShell>;
}
