import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  type SortFn,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { ErrorTypeBadge } from "@/components/errors/error-type-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ErrorGroupListItem } from "@/lib/errors/list-error-groups";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

type ErrorGroupColumnMeta = {
  // Applied to both the header and the body cells of the column.
  className?: string;
  // Numbers read best right-aligned so digits line up.
  align?: "start" | "end";
  // Below md each row is laid out as a wrapped card (see ErrorGroupsTable);
  // these place the column's cell inside that card.
  phoneClassName?: string;
};

// Module scope on purpose: TanStack Table needs stable features and columns,
// or it rebuilds its row models on every render.
export const errorGroupTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
  columnMeta: metaHelper<ErrorGroupColumnMeta>(),
});

type Features = typeof errorGroupTableFeatures;

// Sorting by status means "most urgent first", not alphabetical.
const statusUrgency: Record<ErrorGroupStatus, number> = {
  regressed: 0,
  unresolved: 1,
  fix_proposed: 2,
  fix_deployed: 3,
  ignored: 4,
  resolved: 5,
};

const sortByStatusUrgency: SortFn<Features, ErrorGroupListItem> = (rowA, rowB) =>
  statusUrgency[rowA.original.status] - statusUrgency[rowB.original.status];

const column = createColumnHelper<Features, ErrorGroupListItem>();

const shortHashLength = 12;

export const errorGroupColumns = column.columns([
  column.accessor("status", {
    header: "Status",
    sortFn: sortByStatusUrgency,
    cell: (info) => <ErrorGroupStatusBadge status={info.getValue()} />,
  }),
  column.accessor("title", {
    header: "Error",
    sortFn: "text",
    cell: (info) => (
      <div className="flex min-w-0 flex-col gap-0.5">
        <span
          data-testid="error-group-title"
          title={info.getValue()}
          className="truncate font-medium text-foreground"
        >
          {info.getValue()}
        </span>
        <span className="truncate text-xs text-muted-foreground">
          <span className="font-mono" title={`Error hash ${info.row.original.errorHash}`}>
            {info.row.original.errorHash.slice(0, shortHashLength)}
          </span>
          {/* Phones have no trader column; the trader rides along here. */}
          <span className="md:hidden"> · {info.row.original.trader.name}</span>
        </span>
      </div>
    ),
    // w-full + max-w-0 lets the title take the leftover width and truncate,
    // instead of pushing the time columns out of view.
    meta: {
      className: "w-full max-w-0",
      phoneClassName: "max-md:order-first max-md:basis-full max-md:max-w-none",
    },
  }),
  column.accessor("errorType", {
    header: "Type",
    sortFn: "text",
    cell: (info) => <ErrorTypeBadge errorType={info.getValue()} />,
  }),
  column.accessor((group) => group.trader.name, {
    id: "trader",
    header: "Trader",
    sortFn: "text",
    cell: (info) => (
      <span className="block max-w-48 truncate text-foreground" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
    meta: { phoneClassName: "max-md:hidden" },
  }),
  column.accessor("eventCount", {
    header: "Events",
    sortFn: "basic",
    sortDescFirst: true,
    cell: (info) => (
      <>
        {info.getValue().toLocaleString("en-US")}
        <span className="md:hidden"> {info.getValue() === 1 ? "event" : "events"}</span>
      </>
    ),
    meta: {
      align: "end",
      className: "tabular-nums",
      phoneClassName: "max-md:text-xs max-md:text-muted-foreground",
    },
  }),
  column.accessor("firstSeenAt", {
    header: "First seen",
    sortFn: "datetime",
    sortDescFirst: true,
    cell: (info) => <RelativeTime date={info.getValue()} className="text-muted-foreground" />,
    meta: { phoneClassName: "max-md:hidden" },
  }),
  column.accessor("lastSeenAt", {
    header: "Last seen",
    sortFn: "datetime",
    sortDescFirst: true,
    cell: (info) => <RelativeTime date={info.getValue()} />,
    meta: { phoneClassName: "max-md:ml-auto max-md:text-xs max-md:text-muted-foreground" },
  }),
]);
