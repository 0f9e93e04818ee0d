import { getDb } from "@/lib/db";
import { type ErrorEventRecord, errorEventSelect } from "@/lib/errors/query/error-group-json";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";
import {
  cursorKeyAsDate,
  decodePageCursor,
  encodePageCursor,
} from "@/lib/errors/query/page-cursor";
import type { ListGroupEventsQuery } from "@/lib/errors/query/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

const sortTag = "events:occurred_at:desc";

export type GroupEventPage = { events: ErrorEventRecord[]; nextCursor: string | null };

// A group's events, newest first, keyset-paginated on (occurred_at, id) to match the
// (group_id, occurred_at desc, id desc) index.
export async function listGroupEventsPage({
  groupId,
  userId,
  cursor,
  limit,
}: ListGroupEventsQuery & { groupId: string; userId: string }): Promise<GroupEventPage> {
  const group = await getErrorGroupOrThrow({ id: groupId, userId });
  const position = cursor ? decodePageCursor(cursor, sortTag) : undefined;
  const after: Prisma.ErrorEventWhereInput | undefined = position
    ? {
        OR: [
          { occurredAt: { lt: cursorKeyAsDate(position) } },
          { occurredAt: cursorKeyAsDate(position), id: { lt: position.id } },
        ],
      }
    : undefined;
  const rows = await getDb().errorEvent.findMany({
    where: { groupId: group.id, userId, AND: after ? [after] : undefined },
    select: errorEventSelect,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodePageCursor({ sort: sortTag, key: last.occurredAt.toISOString(), id: last.id })
      : null;
  return { events, nextCursor };
}
