import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorGroupStatus, TraderState } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type LockedTrader = {
  id: string;
  userId: string;
  name: string;
  state: TraderState;
  activeVersionId: string | null;
  autoRollback: boolean;
  deployWebhookUrl: string | null;
};

export type LockedGroup = {
  id: string;
  userId: string;
  traderId: string;
  title: string;
  status: ErrorGroupStatus;
};

// Lock order everywhere in this module: the error group first, then the trader.
// Ingest locks groups and then touches their trader, so taking them the other way
// round could deadlock against a burst of events.

// The trader row lock serializes every change of a trader's active version, so
// version numbers are handed out without gaps or duplicates.
export async function lockOwnedTrader(
  tx: Prisma.TransactionClient,
  { userId, traderId }: { userId: string; traderId: string },
): Promise<LockedTrader> {
  const rows = await tx.$queryRaw<LockedTrader[]>`
    SELECT id, user_id AS "userId", name, state, active_version_id AS "activeVersionId",
      auto_rollback AS "autoRollback", deploy_webhook_url AS "deployWebhookUrl"
    FROM traders WHERE id = ${traderId}::uuid AND user_id = ${userId}::uuid
    FOR UPDATE`;
  const trader = rows[0];
  if (!trader) throw new AppError("not_found", "This trader does not exist.");
  return trader;
}

export async function lockOwnedGroup(
  tx: Prisma.TransactionClient,
  { userId, groupId }: { userId: string; groupId: string },
): Promise<LockedGroup> {
  const rows = await tx.$queryRaw<LockedGroup[]>`
    SELECT id, user_id AS "userId", trader_id AS "traderId", title, status
    FROM error_groups WHERE id = ${groupId}::uuid AND user_id = ${userId}::uuid
    FOR UPDATE`;
  const group = rows[0];
  if (!group) throw new AppError("not_found", "This error group does not exist.");
  return group;
}
