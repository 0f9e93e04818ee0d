import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type RevokeApiKeyOptions = { userId: string; keyId: string };

const keyIdSchema = z.uuid();

// Idempotent: revoking a revoked key keeps its original revokedAt. Someone else's key
// answers not_found, exactly like a key that does not exist, so ids can't be probed.
export async function revokeApiKey({ userId, keyId }: RevokeApiKeyOptions) {
  if (!userId) throw new AppError("unauthorized", "Sign in to revoke API keys.");
  // A malformed id would make Postgres reject the uuid cast with a 500.
  if (!keyIdSchema.safeParse(keyId).success) {
    throw new AppError("not_found", "That API key does not exist.");
  }
  const db = getDb();
  await db.apiKey.updateMany({
    where: { id: keyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const key = await db.apiKey.findFirst({
    where: { id: keyId, userId },
    select: { id: true, revokedAt: true },
  });
  if (!key?.revokedAt) throw new AppError("not_found", "That API key does not exist.");
  return { id: key.id, revokedAt: key.revokedAt };
}
