import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

const idSchema = z.guid();

// One version with its code (to show or diff before a rollback). Tenant-scoped:
// a version of another user's trader, or of another trader, is not_found.
export async function getTraderVersion({
  userId,
  traderId,
  versionId,
}: {
  userId: string;
  traderId: string;
  versionId: string;
}) {
  if (!userId) throw new AppError("unauthorized", "Sign in to read traders.");
  const notFound = new AppError("not_found", "This code version does not exist.");
  if (!idSchema.safeParse(traderId).success || !idSchema.safeParse(versionId).success) {
    throw notFound;
  }
  const version = await getDb().traderCodeVersion.findFirst({
    where: { id: versionId, traderId, trader: { userId } },
    select: {
      id: true,
      version: true,
      code: true,
      source: true,
      note: true,
      createdAt: true,
      parentId: true,
      activeFor: { select: { id: true } },
    },
  });
  if (!version) throw notFound;
  const { activeFor, ...rest } = version;
  return { ...rest, isActive: activeFor !== null };
}
