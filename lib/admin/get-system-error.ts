import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";
import { type SystemErrorRecord, systemErrorSelect } from "@/lib/system-errors/system-error-json";

export type SystemErrorDetail = {
  systemError: SystemErrorRecord;
  // The trader named by trader_id, with its owner, when it still exists.
  trader: { id: string; name: string; owner: { id: string; email: string } } | null;
};

const idSchema = z.guid();

// Admin only: one system error with its stack, context and resolution.
export async function getSystemError({
  userId,
  id,
}: {
  userId: string;
  id: string;
}): Promise<SystemErrorDetail> {
  await assertAdminUser(userId);
  const db = getDb();
  // A malformed id cannot exist; Postgres would reject it as a uuid.
  const systemError = idSchema.safeParse(id).success
    ? await db.systemError.findUnique({ where: { id }, select: systemErrorSelect })
    : null;
  if (!systemError) throw new AppError("not_found", "This system error does not exist.");
  // trader_id is free text (whatever the failing code had), not a foreign key.
  const traderId = systemError.traderId;
  const trader =
    traderId && idSchema.safeParse(traderId).success
      ? await db.trader.findUnique({
          where: { id: traderId },
          select: { id: true, name: true, user: { select: { id: true, email: true } } },
        })
      : null;
  return {
    systemError,
    trader: trader ? { id: trader.id, name: trader.name, owner: trader.user } : null,
  };
}
