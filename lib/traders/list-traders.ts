import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type TraderListItem = Awaited<ReturnType<typeof listTraders>>[number];

// The owner's traders with their active version and how many error groups are open.
export async function listTraders({ userId }: { userId: string }) {
  if (!userId) throw new AppError("unauthorized", "Sign in to list traders.");
  return getDb().trader.findMany({
    where: { userId },
    select: {
      id: true,
      name: true,
      description: true,
      state: true,
      lastErrorAt: true,
      dsnPublicKey: true,
      projectId: true,
      activeVersion: { select: { version: true, source: true, createdAt: true } },
      _count: {
        select: { errorGroups: { where: { status: { in: ["unresolved", "regressed"] } } } },
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
