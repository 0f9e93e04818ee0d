import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

const traderIdSchema = z.guid();

// Tenant-scoped: another user's trader, a missing one and a malformed id all answer
// the same not_found, so ids cannot be probed.
export async function getTraderOrThrow({ id, userId }: { id: string; userId: string }) {
  if (!userId) throw new AppError("unauthorized", "Sign in to read traders.");
  const notFound = new AppError("not_found", "This trader does not exist.");
  if (!traderIdSchema.safeParse(id).success) throw notFound;
  const trader = await getDb().trader.findFirst({
    where: { id, userId },
    select: { id: true, name: true, state: true },
  });
  if (!trader) throw notFound;
  return trader;
}
