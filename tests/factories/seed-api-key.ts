import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Db } from "@/lib/db";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";

export async function seedApiKey(
  db: Db,
  options: { userId: string; traderId?: string; name?: string; scope?: ApiKeyScope },
) {
  return createApiKey(db, {
    userId: options.userId,
    traderId: options.traderId,
    name: options.name ?? "Test executor",
    scope: options.scope,
    // Fixtures may need admin keys; the role rule itself is tested in api-keys.test.ts.
    role: options.scope === "admin" ? "admin" : undefined,
  });
}
