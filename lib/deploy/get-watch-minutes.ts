import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultAiSettings } from "@/lib/regeneration/ai-settings-schema";

// The ai_settings column defaults: a user without a settings row has the defaults.
export const DEFAULT_WATCH_MINUTES = defaultAiSettings.watchMinutes;
export const DEFAULT_WATCH_EXECUTIONS = defaultAiSettings.watchExecutions;

export async function getWatchMinutes(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<number> {
  const settings = await tx.aiSettings.findUnique({
    where: { userId },
    select: { watchMinutes: true },
  });
  return settings?.watchMinutes ?? DEFAULT_WATCH_MINUTES;
}

// Clean scheduled runs that end a watch early, or null when only the minutes count (0).
// Read when the watch is judged, not stored on the deployment: a changed setting
// applies to the watches already running too.
export async function getWatchExecutions(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<number | null> {
  const settings = await tx.aiSettings.findUnique({
    where: { userId },
    select: { watchExecutions: true },
  });
  const executions = settings?.watchExecutions ?? DEFAULT_WATCH_EXECUTIONS;
  return executions > 0 ? executions : null;
}
