import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Db } from "@/lib/db";

export const DEMO_EXECUTOR_KEY_NAME = "Demo executor (npm start)";

function readToken(file: string): string | null {
  if (!existsSync(file)) return null;
  const token = readFileSync(file, "utf8").trim();
  return token === "" ? null : token;
}

// Only a key's hash is stored, so the demo executor keeps its plaintext token in a
// private file (0600, under .data/) instead of printing it. A key that no longer
// works — revoked, or the database was reset under the file — is replaced.
export async function ensureDemoExecutorKey(
  db: Db,
  options: { userId: string; keyFile: string },
): Promise<{ token: string; isNew: boolean }> {
  const stored = readToken(options.keyFile);
  if (stored) {
    const principal = await authenticateApiKey(stored);
    const isUsable =
      principal?.userId === options.userId &&
      principal.scope === "executor" &&
      principal.traderId === null;
    if (isUsable) {
      return { token: stored, isNew: false };
    }
  }
  const { token } = await createApiKey(db, {
    userId: options.userId,
    name: DEMO_EXECUTOR_KEY_NAME,
  });
  mkdirSync(dirname(options.keyFile), { recursive: true });
  writeFileSync(options.keyFile, `${token}\n`, { mode: 0o600 });
  return { token, isNew: true };
}
