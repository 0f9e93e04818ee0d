import { z } from "zod";
import { getDb } from "@/lib/db";
import type { ExecutorTraderCodeJson } from "@/lib/deploy/executor-code-schemas";
import { buildTraderCodeEtag } from "@/lib/deploy/executor-etag";
import { AppError } from "@/lib/http/app-error";

export type ExecutorTraderCode = { body: ExecutorTraderCodeJson; etag: string };

const traderIdSchema = z.guid();

/**
 * The code an executor should run for one trader. Tenant-scoped twice: the key's
 * user owns the trader, and a key scoped to one trader reads only that one. Every
 * miss (another user's trader, another trader than the key's, a malformed id) is
 * the same not_found.
 */
export async function getExecutorTraderCode({
  userId,
  keyTraderId,
  traderId,
}: {
  userId: string;
  keyTraderId: string | null;
  traderId: string;
}): Promise<ExecutorTraderCode> {
  if (!userId) throw new AppError("unauthorized", "A valid API key is required.");
  const notFound = new AppError("not_found", "This trader does not exist.");
  if (!traderIdSchema.safeParse(traderId).success) throw notFound;
  if (keyTraderId && keyTraderId !== traderId) throw notFound;
  const trader = await getDb().trader.findFirst({
    where: { id: traderId, userId },
    select: {
      id: true,
      state: true,
      activeVersion: {
        select: {
          id: true,
          version: true,
          code: true,
          createdAt: true,
          deploymentsTo: {
            where: { traderId },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { createdAt: true },
          },
        },
      },
    },
  });
  const version = trader?.activeVersion;
  if (!trader || !version) throw notFound;
  // The first version was never deployed: it was active from the trader's creation.
  const activatedAt = version.deploymentsTo[0]?.createdAt ?? version.createdAt;
  return {
    etag: buildTraderCodeEtag({ versionId: version.id, state: trader.state }),
    body: {
      trader_id: trader.id,
      version_id: version.id,
      version: version.version,
      code: version.code,
      state: trader.state,
      updated_at: activatedAt.toISOString(),
    },
  };
}
