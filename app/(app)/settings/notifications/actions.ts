"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { DeliveryPreference } from "@/lib/generated/prisma/enums";
import { setNotificationPreferences } from "@/lib/notifications/notification-preferences";

const preference = z.enum(DeliveryPreference);

const updateNotificationPreferencesInput = z.object({
  new_group: preference,
  regression: preference,
  fix_ready: preference,
  workflow_disabled: preference,
  daily_digest: z.enum(["immediate", "off"], "The daily digest can only be on or off."),
});

export const updateNotificationPreferencesAction = userAction(
  updateNotificationPreferencesInput,
  async ({ user, input }) => {
    const preferences = await setNotificationPreferences({ userId: user.id, preferences: input });
    revalidatePath("/settings/notifications");
    return preferences;
  },
);
