import { getDb } from "@/lib/db";
import {
  type ErrorEventRecord,
  type ErrorGroupRecord,
  errorEventSelect,
} from "@/lib/errors/query/error-group-json";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";

export const MAX_AFFECTED_SYMBOLS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ErrorGroupDetail = {
  group: ErrorGroupRecord;
  latestEvent: ErrorEventRecord | null;
  eventsLast24h: number;
  affectedSymbols: string[];
};

// Distinct context.symbol values, most recently seen first. Raw SQL because Prisma
// cannot select DISTINCT over a JSON path.
async function listAffectedSymbols(groupId: string, userId: string): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ symbol: string }[]>`
    SELECT context->>'symbol' AS symbol
    FROM trader_execution_errors
    WHERE group_id = ${groupId}::uuid
      AND user_id = ${userId}::uuid
      AND jsonb_typeof(context->'symbol') = 'string'
    GROUP BY 1
    ORDER BY max(occurred_at) DESC, 1
    LIMIT ${MAX_AFFECTED_SYMBOLS}`;
  return rows.map((row) => row.symbol);
}

export async function getErrorGroupDetail({
  id,
  userId,
  now = new Date(),
}: {
  id: string;
  userId: string;
  now?: Date;
}): Promise<ErrorGroupDetail> {
  const group = await getErrorGroupOrThrow({ id, userId });
  const db = getDb();
  const [latestEvent, eventsLast24h, affectedSymbols] = await Promise.all([
    db.errorEvent.findFirst({
      where: { groupId: group.id, userId },
      select: errorEventSelect,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    }),
    db.errorEvent.count({
      where: { groupId: group.id, userId, occurredAt: { gte: new Date(now.getTime() - DAY_MS) } },
    }),
    listAffectedSymbols(group.id, userId),
  ]);
  return { group, latestEvent, eventsLast24h, affectedSymbols };
}
