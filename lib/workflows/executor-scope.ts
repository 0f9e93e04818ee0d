import { z } from "zod";
import { AppError } from "@/lib/http/app-error";

// Who is calling the executor schedule API: the key's user, and the one trader a
// scoped key is limited to (null = all of the user's traders).
export type ExecutorScope = { userId: string; keyTraderId: string | null };

const uuidSchema = z.guid();

export const scheduleNotFound = () => new AppError("not_found", "This schedule does not exist.");
export const traderNotFound = () => new AppError("not_found", "This trader does not exist.");

export function assertExecutorScope(scope: ExecutorScope): void {
  if (!scope.userId) throw new AppError("unauthorized", "A valid API key is required.");
}

// A key scoped to another trader gets the same answer as a missing trader, so ids
// of the user's other traders cannot be probed with it.
export function assertTraderInScope(scope: ExecutorScope, traderId: string): void {
  if (!uuidSchema.safeParse(traderId).success) throw traderNotFound();
  if (scope.keyTraderId && scope.keyTraderId !== traderId) throw traderNotFound();
}

export function isUuid(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
