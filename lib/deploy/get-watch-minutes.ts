import type { Prisma } from "@/lib/generated/prisma/client";

// The ai_settings column default: a user without a settings row has the defaults.
export const DEFAULT_WATCH_MINUTES = 60;

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
