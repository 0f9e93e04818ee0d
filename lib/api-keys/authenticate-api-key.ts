import { isSecretMatching, parseApiKey } from "@/lib/api-keys/api-key-token";
import { getDb, getPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";

export type ApiKeyPrincipal = {
  keyId: string;
  userId: string;
  traderId: string | null;
  scope: ApiKeyScope;
};

// Whoever may write events: an API key, or a trader's Sentry DSN (keyId null, traderId set).
export type IngestPrincipal = Pick<ApiKeyPrincipal, "userId" | "traderId"> & {
  keyId: string | null;
};

const LAST_USE_RESOLUTION_MS = 60_000;
const lastRecordedUse = new Map<string, number>();

// "Last used" to the minute is enough, and writing it on every request would make the
// key's row a lock hotspot under load. Fire-and-forget: bookkeeping never fails a request.
function recordLastUse(keyId: string): void {
  const now = Date.now();
  if (now - (lastRecordedUse.get(keyId) ?? 0) < LAST_USE_RESOLUTION_MS) return;
  lastRecordedUse.set(keyId, now);
  const staleBefore = new Date(now - LAST_USE_RESOLUTION_MS);
  getDb()
    .apiKey.updateMany({
      where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: new Date(now) },
    })
    .catch((error: unknown) => console.warn("[api-keys] could not record last use", error));
}

type StoredKey = Omit<ApiKeyPrincipal, "keyId"> & {
  id: string;
  hash: string;
  revokedAt: Date | null;
};

// Runs on every ingest request: one plain pg query (named, planned once per connection,
// except on the embedded database's shared session) costs far less than the ORM here.
async function findKeyByPrefix(prefix: string): Promise<StoredKey | null> {
  const { rows } = await getPool().query<StoredKey>({
    name: env.EMBEDDED_DB ? undefined : "faultline-find-api-key",
    text: `SELECT id, user_id AS "userId", trader_id AS "traderId", scope, hash, revoked_at AS "revokedAt"
             FROM api_keys WHERE prefix = $1`,
    values: [prefix],
  });
  return rows[0] ?? null;
}

export function readBearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

// Unknown, revoked and malformed keys all yield null so callers answer them identically.
export async function authenticateApiKey(token: string | null): Promise<ApiKeyPrincipal | null> {
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) return null;
  const key = await findKeyByPrefix(parsed.prefix);
  if (!key || key.revokedAt || !isSecretMatching(parsed.secret, key.hash)) return null;
  recordLastUse(key.id);
  return { keyId: key.id, userId: key.userId, traderId: key.traderId, scope: key.scope };
}
