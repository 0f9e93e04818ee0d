import type { Metadata } from "next";
import { SettingsHub } from "@/components/settings/settings-hub";
import { PageHeader } from "@/components/shell/page-header";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireUserPage("/settings");
  return (
    <>
      <PageHeader title="Settings" description="Your API keys, email notifications and mailbox." />
      <SettingsHub />
    </>
  );
}
