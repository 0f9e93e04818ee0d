import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { getTraderOrThrow } from "@/lib/traders/get-trader-or-throw";

export type SetTraderAutoRollbackOptions = { userId: string; traderId: string; enabled: boolean };

/**
 * Turns automatic rollback on or off for one trader: while a deployed fix is
 * watched, a recurrence on the fixed version re-activates the version before it
 * (check-deployment-watch.ts reads the flag when it decides). Tenant-scoped: another
 * user's trader is not_found.
 */
export async function setTraderAutoRollback({
  userId,
  traderId,
  enabled,
}: SetTraderAutoRollbackOptions): Promise<{ id: string; autoRollback: boolean }> {
  const trader = await getTraderOrThrow({ id: traderId, userId });
  // The owner stays in the where: the flag is only ever written for the user who asked.
  const updated = await getDb().trader.updateMany({
    where: { id: trader.id, userId },
    data: { autoRollback: enabled },
  });
  // Deleted between the read and the write.
  if (updated.count !== 1) throw new AppError("not_found", "This trader does not exist.");
  return { id: trader.id, autoRollback: enabled };
}
