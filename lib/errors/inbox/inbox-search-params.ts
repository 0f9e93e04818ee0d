import { z } from "zod";
import { errorGroupSortSchema, sortOrderSchema } from "@/lib/errors/query/schemas";
import { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";
import { firstValue, listValue, type RawSearchParams } from "@/lib/http/search-param-values";

// The /errors page keeps its whole view in the URL, so a link reproduces it and the
// back button restores it. Pure and browser-safe: the page parses, the client serialises.

export const INBOX_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_INBOX_PAGE_SIZE = 50;
// Each row also carries a sparkline and symbols, so the page caps lower than the API.
export const MAX_INBOX_PAGE_SIZE = 100;

export const timeRanges = ["1h", "24h", "7d", "30d"] as const;
export type TimeRange = (typeof timeRanges)[number];

export type InboxParams = {
  status?: ErrorGroupStatus[];
  type?: ExecutionErrorType;
  trader?: string;
  q?: string;
  range?: TimeRange;
  // A custom "last seen on or after"; wins over range.
  since?: string;
  sort: z.infer<typeof errorGroupSortSchema>;
  order: z.infer<typeof sortOrderSchema>;
  after?: string;
  before?: string;
  limit: number;
};

export const defaultInboxParams: InboxParams = {
  sort: "last_seen",
  order: "desc",
  limit: DEFAULT_INBOX_PAGE_SIZE,
};

// A hand-edited or outdated link should still open the page: every field falls back
// on its own instead of failing the whole view.
const fieldSchemas = {
  status: z
    .array(z.enum(ErrorGroupStatus))
    .min(1)
    .transform((statuses) => [...new Set(statuses)])
    .optional()
    .catch(undefined),
  type: z.enum(ExecutionErrorType).optional().catch(undefined),
  trader: z.guid().optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  range: z.enum(timeRanges).optional().catch(undefined),
  since: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .optional()
    .catch(undefined),
  sort: errorGroupSortSchema.catch(defaultInboxParams.sort),
  order: sortOrderSchema.catch(defaultInboxParams.order),
  after: z.string().min(1).max(512).optional().catch(undefined),
  before: z.string().min(1).max(512).optional().catch(undefined),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_INBOX_PAGE_SIZE))
    .catch(DEFAULT_INBOX_PAGE_SIZE),
};

export function parseInboxSearchParams(raw: RawSearchParams): InboxParams {
  const since = fieldSchemas.since.parse(firstValue(raw.since));
  const after = fieldSchemas.after.parse(firstValue(raw.after));
  const before = fieldSchemas.before.parse(firstValue(raw.before));
  return {
    status: fieldSchemas.status.parse(listValue(raw.status)),
    type: fieldSchemas.type.parse(firstValue(raw.type)),
    trader: fieldSchemas.trader.parse(firstValue(raw.trader)),
    q: fieldSchemas.q.parse(firstValue(raw.q)),
    range: since ? undefined : fieldSchemas.range.parse(firstValue(raw.range)),
    since,
    sort: fieldSchemas.sort.parse(firstValue(raw.sort) ?? defaultInboxParams.sort),
    order: fieldSchemas.order.parse(firstValue(raw.order) ?? defaultInboxParams.order),
    // Only one direction at a time; a link carrying both starts from the top.
    after: before ? undefined : after,
    before: after ? undefined : before,
    limit: fieldSchemas.limit.parse(firstValue(raw.limit) ?? defaultInboxParams.limit),
  };
}

// Defaults are left out so the plain /errors link and the default view are one URL.
export function serializeInboxSearchParams(params: InboxParams): string {
  const search = new URLSearchParams();
  if (params.status?.length) search.set("status", params.status.join(","));
  if (params.type) search.set("type", params.type);
  if (params.trader) search.set("trader", params.trader);
  if (params.q) search.set("q", params.q);
  if (params.since) search.set("since", params.since);
  else if (params.range) search.set("range", params.range);
  if (params.sort !== defaultInboxParams.sort) search.set("sort", params.sort);
  if (params.order !== defaultInboxParams.order) search.set("order", params.order);
  if (params.limit !== defaultInboxParams.limit) search.set("limit", String(params.limit));
  if (params.after) search.set("after", params.after);
  else if (params.before) search.set("before", params.before);
  return search.toString();
}

export function inboxHref(params: InboxParams): string {
  const search = serializeInboxSearchParams(params);
  return search ? `/errors?${search}` : "/errors";
}

// Any change to what is listed starts again from the first page: a cursor belongs to
// the filters and order it was issued under.
export function withInboxChanges(
  params: InboxParams,
  changes: Partial<Omit<InboxParams, "after" | "before">>,
): InboxParams {
  return { ...params, ...changes, after: undefined, before: undefined };
}

export function hasInboxFilters(params: InboxParams): boolean {
  return Boolean(
    params.status?.length ||
      params.type ||
      params.trader ||
      params.q ||
      params.range ||
      params.since,
  );
}

export function clearInboxFilters(params: InboxParams): InboxParams {
  return {
    ...defaultInboxParams,
    sort: params.sort,
    order: params.order,
    limit: params.limit,
  };
}
