import { type Db, getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import {
  type AiSettingsValues,
  aiSettingsSchema,
  defaultAiSettings,
} from "@/lib/regeneration/ai-settings-schema";

type Reader = Db | Prisma.TransactionClient;

const aiSettingsSelect = {
  regenerationPolicy: true,
  autoTriggerMinEvents: true,
  dailyAttemptCap: true,
  dailyTokenCap: true,
  groupAttemptCap: true,
  groupCooldownMinutes: true,
  autoDeploy: true,
  watchMinutes: true,
  watchExecutions: true,
} as const satisfies Prisma.AiSettingsSelect;

// The user's limits and automation for AI fixes; without a row, the defaults.
export async function getAiSettings({
  userId,
  db = getDb(),
}: {
  userId: string;
  db?: Reader;
}): Promise<AiSettingsValues> {
  if (!userId) throw new AppError("unauthorized", "Sign in to read AI settings.");
  const row = await db.aiSettings.findUnique({ where: { userId }, select: aiSettingsSelect });
  return row ?? { ...defaultAiSettings };
}

// Saves every setting at once (the form always sends the whole set).
export async function updateAiSettings({
  userId,
  settings,
}: {
  userId: string;
  settings: AiSettingsValues;
}): Promise<AiSettingsValues> {
  if (!userId) throw new AppError("unauthorized", "Sign in to change AI settings.");
  const data = aiSettingsSchema.parse(settings);
  return getDb().aiSettings.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
    select: aiSettingsSelect,
  });
}
