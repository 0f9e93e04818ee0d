import { generateApiKey } from "@/lib/api-keys/api-key-token";
import type { Db } from "@/lib/db";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type CreateApiKeyOptions = {
  userId: string;
  name: string;
  traderId?: string | null;
  scope?: ApiKeyScope;
};

// Returns the plaintext token exactly once; only its hash is stored.
export async function createApiKey(db: Db, options: CreateApiKeyOptions) {
  if (options.traderId) {
    const trader = await db.trader.findFirst({
      where: { id: options.traderId, userId: options.userId },
      select: { id: true },
    });
    if (!trader) throw new AppError("not_found", "That trader does not exist.");
  }
  const { token, prefix, hash } = generateApiKey();
  const key = await db.apiKey.create({
    data: {
      userId: options.userId,
      name: options.name,
      traderId: options.traderId ?? null,
      scope: options.scope ?? "executor",
      prefix,
      hash,
    },
    select: { id: true, name: true, prefix: true, traderId: true, scope: true, createdAt: true },
  });
  return { key, token };
}
