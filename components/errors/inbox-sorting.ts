import type { SortingState } from "@tanstack/react-table";
import type { InboxParams } from "@/lib/errors/inbox/inbox-search-params";

type SortParams = Pick<InboxParams, "sort" | "order">;

// The sortable columns and the server orderings they stand for. Sorting is done by
// the database over all pages, never by the table over the rows it happens to hold.
const columnIdBySort = {
  last_seen: "lastSeenAt",
  first_seen: "firstSeenAt",
  count: "eventCount",
} as const satisfies Record<SortParams["sort"], string>;

type SortableColumnId = (typeof columnIdBySort)[keyof typeof columnIdBySort];

const sortByColumnId = Object.fromEntries(
  Object.entries(columnIdBySort).map(([sort, columnId]) => [columnId, sort]),
) as Record<SortableColumnId, SortParams["sort"]>;

export function isSortableColumn(columnId: string): columnId is SortableColumnId {
  return columnId in sortByColumnId;
}

export function sortingFromParams({ sort, order }: SortParams): SortingState {
  return [{ id: columnIdBySort[sort], desc: order === "desc" }];
}

// null when the table asks for something the server cannot order by.
export function paramsFromSorting(sorting: SortingState): SortParams | null {
  const [first] = sorting;
  if (!first || !isSortableColumn(first.id)) return null;
  return { sort: sortByColumnId[first.id], order: first.desc ? "desc" : "asc" };
}
