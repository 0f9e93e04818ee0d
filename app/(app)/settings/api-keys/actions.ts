"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getDb } from "@/lib/db";

const apiKeysPath = "/settings/api-keys";

const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(80, "Use at most 80 characters."),
  traderId: z.uuid("Choose one of your traders.").optional(),
});

// The only place the plaintext token leaves the server: the browser shows it once.
// Keys made here are always executor-scoped; admin keys are not offered in the UI.
export const createApiKeyAction = userAction(createApiKeyInput, async ({ user, input }) => {
  const { key, token } = await createApiKey(getDb(), {
    userId: user.id,
    name: input.name,
    traderId: input.traderId,
    scope: "executor",
  });
  revalidatePath(apiKeysPath);
  return { token, key };
});

export const revokeApiKeyAction = userAction(
  z.object({ keyId: z.uuid() }),
  async ({ user, input }) => {
    const revoked = await revokeApiKey({ userId: user.id, keyId: input.keyId });
    revalidatePath(apiKeysPath);
    return revoked;
  },
);
