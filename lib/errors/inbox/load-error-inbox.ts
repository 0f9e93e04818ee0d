import { toListErrorGroupsOptions } from "@/lib/errors/inbox/inbox-list-options";
import type { InboxParams } from "@/lib/errors/inbox/inbox-search-params";
import { listHourlyEventCounts } from "@/lib/errors/inbox/list-hourly-event-counts";
import { listRecentSymbols } from "@/lib/errors/inbox/list-recent-symbols";
import type { ErrorGroupRecord } from "@/lib/errors/query/error-group-json";
import { listErrorGroupsPage } from "@/lib/errors/query/list-error-groups-page";
import { AppError } from "@/lib/http/app-error";

export type InboxRow = Pick<
  ErrorGroupRecord,
  | "id"
  | "title"
  | "culprit"
  | "errorType"
  | "status"
  | "errorHash"
  | "eventCount"
  | "firstSeenAt"
  | "lastSeenAt"
  | "trader"
> & {
  // Events per clock hour over the last 24 h, oldest first.
  hourlyCounts: number[];
  // Distinct symbols among the latest events, most recent first.
  symbols: string[];
};

export type ErrorInbox =
  | { status: "ok"; rows: InboxRow[]; prevCursor: string | null; nextCursor: string | null }
  // The link carries a cursor from another order or a forged one: nothing to page from.
  | { status: "stale_cursor" };

function isCursorError(error: unknown): boolean {
  return (
    error instanceof AppError &&
    error.code === "validation_failed" &&
    (error.fields ?? []).some((field) => field.path === "cursor" || field.path === "before")
  );
}

// Everything the /errors page lists: one page of groups from the same query the REST
// API uses, plus a sparkline and the recent symbols of each, in one query apiece.
export async function loadErrorInbox({
  userId,
  params,
  now = new Date(),
}: {
  userId: string;
  params: InboxParams;
  now?: Date;
}): Promise<ErrorInbox> {
  let page: Awaited<ReturnType<typeof listErrorGroupsPage>>;
  try {
    page = await listErrorGroupsPage(toListErrorGroupsOptions(params, { userId, now }));
  } catch (error) {
    if (isCursorError(error)) return { status: "stale_cursor" };
    throw error;
  }
  const groupIds = page.groups.map((group) => group.id);
  const [hourlyCounts, symbols] = await Promise.all([
    listHourlyEventCounts({ userId, groupIds, now }),
    listRecentSymbols({ userId, groupIds }),
  ]);
  const rows = page.groups.map((group) => ({
    id: group.id,
    title: group.title,
    culprit: group.culprit,
    errorType: group.errorType,
    status: group.status,
    errorHash: group.errorHash,
    eventCount: group.eventCount,
    firstSeenAt: group.firstSeenAt,
    lastSeenAt: group.lastSeenAt,
    trader: group.trader,
    hourlyCounts: hourlyCounts.get(group.id) ?? [],
    symbols: symbols.get(group.id) ?? [],
  }));
  return { status: "ok", rows, prevCursor: page.prevCursor, nextCursor: page.nextCursor };
}
