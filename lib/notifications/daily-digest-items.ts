import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DigestWindow } from "@/lib/notifications/daily-digest-window";

/**
 * The one rule for what a digest holds, shared by "who gets a digest" and "what is in
 * it": notifications created in the window whose email was throttled, or whose kind
 * the user has set to `digest` and that were not emailed. Kinds set to `off`, and
 * everything when the daily digest itself is off, are left out. Missing preference
 * rows are the default (`immediate`).
 */
function digestWorthyNotifications({ start, end }: Pick<DigestWindow, "start" | "end">) {
  return Prisma.sql`
    FROM notifications n
    LEFT JOIN notification_preferences kind_pref
      ON kind_pref.user_id = n.user_id AND kind_pref.kind = n.kind
    LEFT JOIN notification_preferences digest_pref
      ON digest_pref.user_id = n.user_id AND digest_pref.kind = 'daily_digest'
    WHERE n.created_at >= ${start} AND n.created_at < ${end}
      AND n.kind <> 'daily_digest'
      AND COALESCE(digest_pref.email, 'immediate') <> 'off'
      AND COALESCE(kind_pref.email, 'immediate') <> 'off'
      AND (
        EXISTS (SELECT 1 FROM email_messages e WHERE e.notification_id = n.id AND e.status = 'throttled')
        OR (kind_pref.email = 'digest'
          AND NOT EXISTS (SELECT 1 FROM email_messages e WHERE e.notification_id = n.id))
      )`;
}

export async function findDigestRecipients(window: DigestWindow): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n.user_id AS "userId" ${digestWorthyNotifications(window)}`;
  return rows.map((row) => row.userId);
}

export const DIGEST_MAX_ITEMS = 50;

export type DailyDigestItem = {
  id: string;
  kind: "new_group" | "regression" | "fix_ready" | "workflow_disabled";
  title: string;
  groupId: string | null;
  traderId: string | null;
  traderName: string | null;
  createdAt: Date;
};

export async function listDailyDigestItems({
  userId,
  window,
}: {
  userId: string;
  window: DigestWindow;
}): Promise<{ items: DailyDigestItem[]; total: number }> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT n.id ${digestWorthyNotifications(window)} AND n.user_id = ${userId}::uuid
    ORDER BY n.created_at, n.id`;
  const ids = rows.slice(0, DIGEST_MAX_ITEMS).map((row) => row.id);
  const notifications = await getDb().notification.findMany({
    where: { id: { in: ids }, userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      groupId: true,
      traderId: true,
      createdAt: true,
      trader: { select: { name: true } },
    },
  });
  const items = notifications.flatMap(({ trader, kind, ...notification }) =>
    kind === "daily_digest" ? [] : [{ ...notification, kind, traderName: trader?.name ?? null }],
  );
  return { items, total: rows.length };
}
