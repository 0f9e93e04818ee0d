import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppShell } from "@/components/shell/app-shell";
import { requireAdminPage } from "@/lib/auth/current-user";

// Same shell as the signed-in app. Non-admins (and signed-out visitors) get a
// 404 before any admin chrome renders; each admin page checks again itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminPage();
  return (
    <AppShell user={user}>
      <AdminNav />
      {children}
    </AppShell>
  );
}
