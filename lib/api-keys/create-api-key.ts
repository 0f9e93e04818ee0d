import { z } from "zod";
import { generateApiKey } from "@/lib/api-keys/api-key-token";
import type { Db } from "@/lib/db";
import type { ApiKeyScope, UserRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, "Give the key a name.")
  .max(80, "Use at most 80 characters.");

export type CreateApiKeyOptions = {
  userId: string;
  name: string;
  traderId?: string | null;
  scope?: ApiKeyScope;
  // The creator's role, from the session: only admins may mint admin-scope keys.
  role?: UserRole;
};

// Returns the plaintext token exactly once; only its hash is stored.
export async function createApiKey(db: Db, options: CreateApiKeyOptions) {
  const name = apiKeyNameSchema.safeParse(options.name);
  if (!name.success) {
    const message = name.error.issues[0]?.message ?? "The name is not valid.";
    throw new AppError("validation_failed", "Some fields are not valid.", [
      { path: "name", message },
    ]);
  }
  const scope = options.scope ?? "executor";
  if (scope === "admin" && options.role !== "admin") {
    throw new AppError("forbidden", "Only admins may create admin-scope API keys.");
  }
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
      name: name.data,
      traderId: options.traderId ?? null,
      scope,
      prefix,
      hash,
    },
    select: { id: true, name: true, prefix: true, traderId: true, scope: true, createdAt: true },
  });
  return { key, token };
}
