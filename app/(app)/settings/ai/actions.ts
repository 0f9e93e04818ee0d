"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { updateAiSettings } from "@/lib/regeneration/ai-settings";
import { aiSettingsSchema } from "@/lib/regeneration/ai-settings-schema";

// Saves the whole set of AI settings; each field's bounds come back as field errors.
export const updateAiSettingsAction = userAction(aiSettingsSchema, async ({ user, input }) => {
  const settings = await updateAiSettings({ userId: user.id, settings: input });
  revalidatePath("/settings/ai");
  return settings;
});
