import type { InboxParams, TimeRange } from "@/lib/errors/inbox/inbox-search-params";
import type { ListErrorGroupsPageOptions } from "@/lib/errors/query/list-error-groups-page";

const HOUR_MS = 60 * 60 * 1000;

const rangeMs: Record<TimeRange, number> = {
  "1h": HOUR_MS,
  "24h": 24 * HOUR_MS,
  "7d": 7 * 24 * HOUR_MS,
  "30d": 30 * 24 * HOUR_MS,
};

// A relative range is resolved at request time, so a shared "last 24 h" link stays
// relative instead of freezing the moment it was copied.
export function resolveInboxSince(params: InboxParams, now: Date): Date | undefined {
  if (params.since) return new Date(params.since);
  if (params.range) return new Date(now.getTime() - rangeMs[params.range]);
  return undefined;
}

// The page's URL view → the options of the same domain query GET /api/errors uses.
export function toListErrorGroupsOptions(
  params: InboxParams,
  { userId, now }: { userId: string; now: Date },
): ListErrorGroupsPageOptions {
  return {
    userId,
    status: params.status,
    error_type: params.type,
    trader_id: params.trader,
    q: params.q,
    since: resolveInboxSince(params, now),
    sort: params.sort,
    order: params.order,
    cursor: params.after,
    before: params.before,
    limit: params.limit,
  };
}
