import type { Metadata } from "next";
import { AiAvailabilityNotice } from "@/components/ai-settings/ai-availability-notice";
import { AiSettingsForm } from "@/components/ai-settings/ai-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireUserPage } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isLlmConfigured } from "@/lib/llm/llm-config";
import { getAiSettings } from "@/lib/regeneration/ai-settings";
import { readDailyUsage } from "@/lib/regeneration/regeneration-policy";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "AI fixes" };

export default async function AiSettingsPage() {
  const user = await requireUserPage("/settings/ai");
  const [settings, usage] = await Promise.all([
    getAiSettings({ userId: user.id }),
    readDailyUsage(getDb(), { userId: user.id }),
  ]);

  return (
    <>
      <PageHeader
        title="AI fixes"
        description="When Faultline asks a model to repair a failing filter on its own, and what fixes may cost. Every fix is verified in a sandbox before you see it."
      />
      <AiAvailabilityNotice
        isAiFixesEnabled={env.AI_FIXES === "on"}
        isLlmConfigured={isLlmConfigured()}
      />
      <AiSettingsForm initial={settings} usage={usage} />
    </>
  );
}
