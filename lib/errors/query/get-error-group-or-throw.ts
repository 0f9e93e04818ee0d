import { z } from "zod";
import { type Db, getDb } from "@/lib/db";
import { type ErrorGroupRecord, errorGroupSelect } from "@/lib/errors/query/error-group-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

type Reader = Db | Prisma.TransactionClient;

const groupIdSchema = z.guid();

// The tenant-scoped loader every group endpoint goes through. Another user's group,
// a missing one and a malformed id all answer the same 404, so ids cannot be probed.
export async function getErrorGroupOrThrow({
  id,
  userId,
  db = getDb(),
}: {
  id: string;
  userId: string;
  db?: Reader;
}): Promise<ErrorGroupRecord> {
  if (!userId) throw new AppError("unauthorized", "Sign in to read error groups.");
  const notFound = new AppError("not_found", "This error group does not exist.");
  // Postgres would reject a non-uuid with a 500-worthy error; answer it like any unknown id.
  if (!groupIdSchema.safeParse(id).success) throw notFound;
  const group = await db.errorGroup.findFirst({
    where: { id, userId },
    select: errorGroupSelect,
  });
  if (!group) throw notFound;
  return group;
}
