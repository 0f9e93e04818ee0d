import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];

// The owner's keys, revoked ones included so the settings page can show their status.
// The select is explicit: the hash must never reach a page, even if the global omit changes.
export async function listApiKeys({ userId }: { userId: string }) {
  if (!userId) throw new AppError("unauthorized", "Sign in to list API keys.");
  return getDb().apiKey.findMany({
    where: { userId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      trader: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
