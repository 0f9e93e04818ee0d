import { getDb } from "@/lib/db";
import { type ErrorGroupRecord, errorGroupSelect } from "@/lib/errors/query/error-group-json";
import {
  cursorKeyAsDate,
  cursorKeyAsInt,
  decodePageCursor,
  encodePageCursor,
  type PageCursor,
} from "@/lib/errors/query/page-cursor";
import type { ErrorGroupSort, ListErrorGroupsQuery, SortOrder } from "@/lib/errors/query/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

export type ListErrorGroupsPageOptions = Omit<ListErrorGroupsQuery, "since" | "until"> & {
  userId: string;
  since?: Date | string;
  until?: Date | string;
  // A position cursor (any page's prevCursor or nextCursor): the page that ends just
  // before it. The REST API only pages forward; the inbox also pages back.
  before?: string;
};

// prevCursor pages back (pass it as `before`), nextCursor forward (as `cursor`); each
// is null when that direction has nothing (the first page has no prevCursor).
export type ErrorGroupPage = {
  groups: ErrorGroupRecord[];
  nextCursor: string | null;
  prevCursor: string | null;
};

// Prisma passes `contains` to ILIKE verbatim, so the user's % and _ must be escaped
// to mean themselves.
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function orderByFor(sort: ErrorGroupSort, order: SortOrder) {
  const key: Prisma.ErrorGroupOrderByWithRelationInput =
    sort === "count"
      ? { eventCount: order }
      : sort === "first_seen"
        ? { firstSeenAt: order }
        : { lastSeenAt: order };
  // id breaks ties, so equal keys still have one stable order across pages.
  return [key, { id: order }];
}

// Rows strictly after the cursor in (key, id) order: a row-value comparison
// spelled out as OR, since Prisma has no tuple comparison.
function afterCursorWhere(
  sort: ErrorGroupSort,
  order: SortOrder,
  cursor: PageCursor,
): Prisma.ErrorGroupWhereInput {
  const beyond = <Value>(value: Value) => (order === "desc" ? { lt: value } : { gt: value });
  const id = beyond(cursor.id);
  if (sort === "count") {
    const count = cursorKeyAsInt(cursor);
    return { OR: [{ eventCount: beyond(count) }, { eventCount: count, id }] };
  }
  const at = cursorKeyAsDate(cursor);
  if (sort === "first_seen") {
    return { OR: [{ firstSeenAt: beyond(at) }, { firstSeenAt: at, id }] };
  }
  return { OR: [{ lastSeenAt: beyond(at) }, { lastSeenAt: at, id }] };
}

function cursorFor(sort: ErrorGroupSort, sortTag: string, group: ErrorGroupRecord): string {
  const key =
    sort === "count"
      ? group.eventCount
      : (sort === "first_seen" ? group.firstSeenAt : group.lastSeenAt).toISOString();
  return encodePageCursor({ sort: sortTag, key, id: group.id });
}

const reverse = (order: SortOrder): SortOrder => (order === "desc" ? "asc" : "desc");

// One page of the owner's error groups, filtered and keyset-paginated. Always tenant
// scoped: userId is required and part of every where.
export async function listErrorGroupsPage(
  options: ListErrorGroupsPageOptions,
): Promise<ErrorGroupPage> {
  const { userId, sort, order, limit } = options;
  // An empty id must never reach Prisma, where it could read as "no filter".
  if (!userId) throw new AppError("unauthorized", "Sign in to list error groups.");
  if (options.cursor && options.before) {
    throw new AppError("validation_failed", "Page forward or back, not both.", [
      { path: "before", message: "not allowed together with cursor" },
    ]);
  }
  const sortTag = `groups:${sort}:${order}`;
  const after = options.cursor ? decodePageCursor(options.cursor, sortTag) : undefined;
  const before = options.before ? decodePageCursor(options.before, sortTag) : undefined;
  const since = options.since === undefined ? undefined : new Date(options.since);
  const until = options.until === undefined ? undefined : new Date(options.until);
  // Paging back is paging forward in the reversed order, then flipping the rows.
  const scanOrder = before ? reverse(order) : order;
  const position = before ?? after;

  const where: Prisma.ErrorGroupWhereInput = {
    userId,
    status: options.status ? { in: options.status } : undefined,
    errorType: options.error_type,
    traderId: options.trader_id,
    title: options.q ? { contains: escapeLikePattern(options.q), mode: "insensitive" } : undefined,
    lastSeenAt: since || until ? { gte: since, lt: until } : undefined,
    AND: position ? [afterCursorWhere(sort, scanOrder, position)] : undefined,
  };
  // One extra row tells whether another page exists without a count query.
  const rows = await getDb().errorGroup.findMany({
    where,
    select: errorGroupSelect,
    orderBy: orderByFor(sort, scanOrder),
    take: limit + 1,
  });
  const hasMore = rows.length > limit;
  const groups = rows.slice(0, limit);
  if (before) groups.reverse();
  const first = groups.at(0);
  const last = groups.at(-1);
  // A position came from a page on its other side, so the way back is offered without
  // a query; if that page emptied meanwhile, following the link shows an empty page.
  const hasPrevious = before ? hasMore : Boolean(after);
  const hasNext = before ? true : hasMore;
  return {
    groups,
    nextCursor: hasNext && last ? cursorFor(sort, sortTag, last) : null,
    prevCursor: hasPrevious && first ? cursorFor(sort, sortTag, first) : null,
  };
}
