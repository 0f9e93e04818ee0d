import type { z } from "zod";
import { type ApiClient, ApiStatusError } from "@/executor/api-client";
import {
  type ExecutorTraderCodeJson,
  executorTraderCodeSchema,
  executorTraderListSchema,
} from "@/lib/deploy/executor-code-schemas";

export type TraderCode = {
  traderId: string;
  name: string;
  versionId: string;
  version: number;
  code: string;
  state: ExecutorTraderCodeJson["state"];
};

export type CodeChange = { previous: TraderCode | undefined; next: TraderCode };

export type PollResult = { changes: CodeChange[]; removed: TraderCode[] };

export type TraderCodeWatcher = {
  /** Revalidates the list and refetches the code of every trader whose ETag changed. */
  poll(): Promise<PollResult>;
  traders(): TraderCode[];
  get(traderId: string): TraderCode | undefined;
};

type Cached<T> = { etag: string; value: T };

// GET with If-None-Match: null on 304 (keep what we have), the parsed body otherwise.
async function getRevalidated<T>(
  client: ApiClient,
  path: string,
  schema: z.ZodType<T>,
  etag: string | undefined,
): Promise<Cached<T> | null> {
  const response = await client.send("GET", path, {
    headers: etag ? { "if-none-match": etag } : {},
  });
  if (response.status === 304) return null;
  if (response.status !== 200)
    throw new ApiStatusError("GET", path, response.status, response.body);
  return { etag: response.headers.get("etag") ?? "", value: schema.parse(response.body) };
}

// Keeps each trader's active code current by polling with ETags: the list tells which
// traders changed (one 304 while nothing did), then only those have their code fetched.
export function createTraderCodeWatcher(options: { client: ApiClient }): TraderCodeWatcher {
  const { client } = options;
  let listEtag: string | undefined;
  const codeEtags = new Map<string, string>();
  const loaded = new Map<string, TraderCode>();

  async function refreshTrader(traderId: string, name: string): Promise<CodeChange | null> {
    const path = `/api/executor/traders/${encodeURIComponent(traderId)}/code`;
    const fetched = await getRevalidated(
      client,
      path,
      executorTraderCodeSchema,
      codeEtags.get(traderId),
    );
    if (!fetched) return null;
    codeEtags.set(traderId, fetched.etag);
    const code = fetched.value;
    const next: TraderCode = {
      traderId,
      name,
      versionId: code.version_id,
      version: code.version,
      code: code.code,
      state: code.state,
    };
    const previous = loaded.get(traderId);
    loaded.set(traderId, next);
    const isSame =
      previous?.versionId === next.versionId &&
      previous.state === next.state &&
      previous.name === next.name;
    return isSame ? null : { previous, next };
  }

  return {
    async poll() {
      const list = await getRevalidated(
        client,
        "/api/executor/traders",
        executorTraderListSchema,
        listEtag,
      );
      if (!list) return { changes: [], removed: [] };
      const changes: CodeChange[] = [];
      const removed: TraderCode[] = [];
      const listed = new Set<string>();
      for (const trader of list.value.data) {
        listed.add(trader.trader_id);
        // A trader without an active version has nothing to run yet.
        if (trader.etag === null) continue;
        if (trader.etag === codeEtags.get(trader.trader_id)) continue;
        const change = await refreshTrader(trader.trader_id, trader.name);
        if (change) changes.push(change);
      }
      for (const [traderId, trader] of loaded) {
        if (listed.has(traderId)) continue;
        loaded.delete(traderId);
        codeEtags.delete(traderId);
        removed.push(trader);
      }
      // Set last: a failure above makes the next poll fetch the whole list again.
      listEtag = list.etag;
      return { changes, removed };
    },
    traders: () => [...loaded.values()],
    get: (traderId) => loaded.get(traderId),
  };
}
