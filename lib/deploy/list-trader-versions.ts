import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

const DEFAULT_LIMIT = 50;
const DEPLOYMENTS_PER_VERSION = 20;

const person = { select: { id: true, name: true, email: true } } as const;

const versionSelect = {
  id: true,
  version: true,
  source: true,
  note: true,
  createdAt: true,
  author: person,
  parent: { select: { id: true, version: true } },
  // Every activation of this version: its deploy, and any rollbacks to it.
  deploymentsTo: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DEPLOYMENTS_PER_VERSION,
    select: {
      id: true,
      kind: true,
      reason: true,
      createdAt: true,
      watchUntil: true,
      attemptId: true,
      actorUser: person,
      fromVersion: { select: { id: true, version: true } },
      group: { select: { id: true, title: true, status: true } },
    },
  },
} as const satisfies Prisma.TraderCodeVersionSelect;

type VersionRow = Prisma.TraderCodeVersionGetPayload<{ select: typeof versionSelect }>;

export type TraderVersionItem = Omit<VersionRow, "deploymentsTo"> & {
  isActive: boolean;
  deployments: VersionRow["deploymentsTo"];
};

export type TraderVersionHistory = {
  trader: { id: string; name: string; state: string; activeVersionId: string | null };
  versions: TraderVersionItem[];
};

const traderIdSchema = z.guid();

/**
 * A trader's code history for its page: newest version first, each with who made
 * it and how (user, AI, rollback copy), whether it is the active one, and every
 * deployment that activated it (deploys and rollbacks, with actor, reason, the
 * version it replaced and the error group it was about). Code is left out: load
 * one version with getTraderVersion. Tenant-scoped: another user's trader is 404.
 */
export async function listTraderVersions({
  userId,
  traderId,
  limit = DEFAULT_LIMIT,
}: {
  userId: string;
  traderId: string;
  limit?: number;
}): Promise<TraderVersionHistory> {
  if (!userId) throw new AppError("unauthorized", "Sign in to read traders.");
  const notFound = new AppError("not_found", "This trader does not exist.");
  if (!traderIdSchema.safeParse(traderId).success) throw notFound;
  const db = getDb();
  const trader = await db.trader.findFirst({
    where: { id: traderId, userId },
    select: { id: true, name: true, state: true, activeVersionId: true },
  });
  if (!trader) throw notFound;
  const versions = await db.traderCodeVersion.findMany({
    where: { traderId: trader.id },
    orderBy: { version: "desc" },
    take: limit,
    select: versionSelect,
  });
  return {
    trader,
    versions: versions.map(({ deploymentsTo, ...version }) => ({
      ...version,
      isActive: version.id === trader.activeVersionId,
      deployments: deploymentsTo,
    })),
  };
}
