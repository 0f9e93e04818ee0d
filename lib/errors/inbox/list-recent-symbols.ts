import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

// Only each group's latest events are read, so a noisy group costs the same as a quiet
// one; the detail page lists symbols over all events.
export const RECENT_EVENTS_PER_GROUP = 50;
export const MAX_SYMBOLS_PER_GROUP = 10;

// Distinct context.symbol values among each listed group's latest events, most recently
// seen first: one query for a whole page, walking the (group_id, occurred_at) index.
export async function listRecentSymbols({
  userId,
  groupIds,
}: {
  userId: string;
  groupIds: readonly string[];
}): Promise<Map<string, string[]>> {
  if (!userId) throw new AppError("unauthorized", "Sign in to read error symbols.");
  const symbols = new Map(groupIds.map((id) => [id, [] as string[]]));
  if (groupIds.length === 0) return symbols;
  const rows = await getDb().$queryRaw<{ groupId: string; symbol: string }[]>`
    SELECT listed.id::text AS "groupId", recent.symbol
    FROM unnest(${[...groupIds]}::uuid[]) AS listed(id)
    CROSS JOIN LATERAL (
      SELECT latest.context->>'symbol' AS symbol, max(latest.occurred_at) AS seen_at
      FROM (
        SELECT context, occurred_at
        FROM trader_execution_errors
        WHERE group_id = listed.id AND user_id = ${userId}::uuid
        ORDER BY occurred_at DESC, id DESC
        LIMIT ${RECENT_EVENTS_PER_GROUP}
      ) AS latest
      WHERE jsonb_typeof(latest.context->'symbol') = 'string'
      GROUP BY 1
      ORDER BY seen_at DESC, 1
      LIMIT ${MAX_SYMBOLS_PER_GROUP}
    ) AS recent
    ORDER BY listed.id, recent.seen_at DESC, recent.symbol`;
  for (const row of rows) symbols.get(row.groupId)?.push(row.symbol);
  return symbols;
}
