import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type TraderOption = { id: string; name: string };

// The owner's traders for the inbox's trader filter: names only.
export async function listTraderOptions({ userId }: { userId: string }): Promise<TraderOption[]> {
  if (!userId) throw new AppError("unauthorized", "Sign in to list traders.");
  return getDb().trader.findMany({
    where: { userId },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
