import { getDb } from "@/lib/db";
import type { ExecutorTraderListJson } from "@/lib/deploy/executor-code-schemas";
import { buildListEtag, buildTraderCodeEtag } from "@/lib/deploy/executor-etag";
import { AppError } from "@/lib/http/app-error";

export type ExecutorTraderList = { body: ExecutorTraderListJson; etag: string };

// What an executor polls: the traders its key may run, each with the ETag of its
// code, so only a changed trader's code is fetched again. A key scoped to one
// trader sees just that one.
export async function listExecutorTraders({
  userId,
  keyTraderId,
}: {
  userId: string;
  keyTraderId: string | null;
}): Promise<ExecutorTraderList> {
  if (!userId) throw new AppError("unauthorized", "A valid API key is required.");
  const traders = await getDb().trader.findMany({
    where: { userId, ...(keyTraderId ? { id: keyTraderId } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      state: true,
      activeVersion: { select: { id: true, version: true } },
    },
  });
  const data = traders.map((trader) => ({
    trader_id: trader.id,
    name: trader.name,
    state: trader.state,
    version_id: trader.activeVersion?.id ?? null,
    version: trader.activeVersion?.version ?? null,
    etag: trader.activeVersion
      ? buildTraderCodeEtag({ versionId: trader.activeVersion.id, state: trader.state })
      : null,
  }));
  return {
    body: { data },
    etag: buildListEtag(data.map((item) => `${item.trader_id}:${item.etag ?? ""}:${item.name}`)),
  };
}
