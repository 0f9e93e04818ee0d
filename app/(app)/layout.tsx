import type { ReactNode } from "react";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { RealtimeToasts } from "@/components/realtime/realtime-toasts";
import { AppShell } from "@/components/shell/app-shell";
import { requireUserPage } from "@/lib/auth/current-user";
import { getRealtimeClientConfig } from "@/lib/realtime/realtime-client-config";

// A layout can't see the request path, so this check sends signed-out visitors
// back to /errors after sign-in. It is a safety net for the shell only: every
// page also calls requireUserPage with its own path (layouts don't re-run on
// client navigation, so they must never be the only check).
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage("/errors");
  // One live connection for every signed-in page; it lives above the shell so the
  // notification bell can subscribe too.
  return (
    <RealtimeProvider config={getRealtimeClientConfig(user.id)}>
      <LiveRefresh />
      <RealtimeToasts />
      <AppShell user={user}>{children}</AppShell>
    </RealtimeProvider>
  );
}
