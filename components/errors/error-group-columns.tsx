import {
  createColumnHelper,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import { ActivitySparkline } from "@/components/errors/activity-sparkline";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { ErrorTypeBadge, errorTypeLabels } from "@/components/errors/error-type-badge";
import { RecentSymbols } from "@/components/errors/recent-symbols";
import { SelectionCheckbox } from "@/components/errors/selection-checkbox";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InboxRow } from "@/lib/errors/inbox/load-error-inbox";

type InboxColumnMeta = {
  // Applied to both the header and the body cells of the column.
  className?: string;
  // Numbers read best right-aligned so digits line up.
  align?: "start" | "end";
  // Below md each row is laid out as a wrapped card (see ErrorGroupsTable);
  // these place the column's cell inside that card.
  phoneClassName?: string;
};

// Module scope on purpose: TanStack Table needs stable features and columns, or it
// rebuilds its models on every render. No sorted row model: the server sorts.
export const inboxTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<InboxColumnMeta>(),
});

export type InboxTableFeatures = typeof inboxTableFeatures;

const column = createColumnHelper<InboxTableFeatures, InboxRow>();

const shortHashLength = 12;

export const inboxColumns = column.columns([
  column.display({
    id: "select",
    header: ({ table }) => (
      <SelectionCheckbox
        aria-label="Select all error groups on this page"
        data-testid="select-all-groups"
        checked={table.getIsAllPageRowsSelected()}
        isIndeterminate={table.getIsSomePageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <SelectionCheckbox
        aria-label={`Select ${row.original.title}`}
        data-testid="select-group"
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
    enableSorting: false,
    meta: { className: "w-10", phoneClassName: "max-md:order-1 max-md:w-auto" },
  }),
  column.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: (info) => <ErrorGroupStatusBadge status={info.getValue()} />,
    meta: { phoneClassName: "max-md:order-3" },
  }),
  column.accessor("title", {
    header: "Error",
    enableSorting: false,
    cell: (info) => {
      const group = info.row.original;
      return (
        <div className="flex min-w-0 flex-col gap-0.5">
          <Link
            href={`/errors/${group.id}`}
            data-row-link={group.id}
            data-testid="error-group-title"
            title={group.title}
            className="truncate rounded-sm font-medium text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            {group.title}
          </Link>
          <span className="truncate text-xs text-muted-foreground">
            <span className="font-mono" title={`Error hash ${group.errorHash}`}>
              {group.errorHash.slice(0, shortHashLength)}
            </span>
            {/* Laptop widths drop the type and trader columns; they ride along here. */}
            <span className="hidden md:max-2xl:inline"> · {errorTypeLabels[group.errorType]}</span>
            <span className="2xl:hidden"> · {group.trader.name}</span>
            {group.culprit ? <span title={group.culprit}> · {group.culprit}</span> : null}
          </span>
        </div>
      );
    },
    // w-full + max-w-0 lets the title take the leftover width and truncate,
    // instead of pushing the other columns out of view.
    meta: {
      className: "w-full min-w-56 max-w-0",
      phoneClassName: "max-md:order-2 max-md:w-[calc(100%-2rem)] max-md:max-w-none",
    },
  }),
  column.accessor("errorType", {
    header: "Type",
    enableSorting: false,
    cell: (info) => <ErrorTypeBadge errorType={info.getValue()} />,
    // Phones show the badge in the card; laptops name the type under the title.
    meta: { className: "md:max-2xl:hidden", phoneClassName: "max-md:order-3" },
  }),
  column.accessor((group) => group.trader.name, {
    id: "trader",
    header: "Trader",
    enableSorting: false,
    cell: (info) => (
      <span className="block max-w-40 truncate text-foreground" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
    meta: { className: "max-2xl:hidden" },
  }),
  column.accessor("eventCount", {
    header: "Events",
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
      phoneClassName: "max-md:order-3 max-md:text-xs max-md:text-muted-foreground",
    },
  }),
  column.accessor("symbols", {
    header: "Recent symbols",
    enableSorting: false,
    cell: (info) => <RecentSymbols symbols={info.getValue()} />,
    meta: { className: "max-xl:hidden" },
  }),
  column.accessor("hourlyCounts", {
    id: "activity",
    header: "Last 24 h",
    enableSorting: false,
    cell: (info) => <ActivitySparkline hourlyCounts={info.getValue()} />,
    meta: { phoneClassName: "max-md:order-3" },
  }),
  column.accessor("firstSeenAt", {
    header: "First seen",
    sortDescFirst: true,
    cell: (info) => <RelativeTime date={info.getValue()} className="text-muted-foreground" />,
    meta: { className: "max-2xl:hidden" },
  }),
  column.accessor("lastSeenAt", {
    header: "Last seen",
    sortDescFirst: true,
    cell: (info) => <RelativeTime date={info.getValue()} />,
    meta: {
      phoneClassName: "max-md:order-3 max-md:ml-auto max-md:text-xs max-md:text-muted-foreground",
    },
  }),
]);
