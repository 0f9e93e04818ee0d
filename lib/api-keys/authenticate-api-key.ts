import { isSecretMatching, parseApiKey } from "@/lib/api-keys/api-key-token";
import { getDb } from "@/lib/db";
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

export function readBearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

// Unknown, revoked and malformed keys all yield null so callers answer them identically.
export async function authenticateApiKey(token: string | null): Promise<ApiKeyPrincipal | null> {
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) return null;
  const db = getDb();
  const key = await db.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, userId: true, traderId: true, scope: true, hash: true, revokedAt: true },
  });
  if (!key || key.revokedAt || !isSecretMatching(parsed.secret, key.hash)) return null;
  // Fire-and-forget: last-used bookkeeping must not slow down or fail ingestion.
  db.apiKey
    .update({ where: { id: key.id }, data: { lastUsedAt: new Date() } })
    .catch((error: unknown) => console.warn("[api-keys] could not record last use", error));
  return { keyId: key.id, userId: key.userId, traderId: key.traderId, scope: key.scope };
}
