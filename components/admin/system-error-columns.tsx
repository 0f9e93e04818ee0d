import {
  createColumnHelper,
  metaHelper,
  rowSelectionFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import { SelectionCheckbox } from "@/components/errors/selection-checkbox";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SystemErrorRow } from "@/lib/admin/system-error-row";

type SystemErrorColumnMeta = {
  // Applied to both the header and the body cells of the column.
  className?: string;
  // Below md each row is laid out as a wrapped card; these place the cell in it.
  phoneClassName?: string;
};

// Module scope on purpose: TanStack Table needs stable features and columns, or it
// rebuilds its models on every render. No sorting feature: the server lists newest
// first (the keyset cursor is tied to that order).
export const systemErrorTableFeatures = tableFeatures({
  rowSelectionFeature,
  columnMeta: metaHelper<SystemErrorColumnMeta>(),
});

export type SystemErrorTableFeatures = typeof systemErrorTableFeatures;

const column = createColumnHelper<SystemErrorTableFeatures, SystemErrorRow>();

export const systemErrorColumns = column.columns([
  column.display({
    id: "select",
    header: ({ table }) => (
      <SelectionCheckbox
        aria-label="Select all unresolved system errors on this page"
        data-testid="select-all-system-errors"
        checked={table.getIsAllPageRowsSelected()}
        isIndeterminate={table.getIsSomePageRowsSelected()}
        disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <SelectionCheckbox
        aria-label={`Select ${row.original.message}`}
        data-testid="select-system-error"
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
    meta: { className: "w-10", phoneClassName: "max-md:order-1 max-md:w-auto" },
  }),
  column.accessor("severity", {
    header: "Severity",
    cell: (info) => (
      <Badge
        variant={info.getValue()}
        hasDot
        className="capitalize"
        data-severity={info.getValue()}
      >
        {info.getValue()}
      </Badge>
    ),
    meta: { className: "w-28", phoneClassName: "max-md:order-3" },
  }),
  column.accessor("message", {
    header: "Error",
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="flex min-w-0 flex-col gap-0.5">
          <Link
            href={`/admin/errors/${row.id}`}
            data-testid="system-error-link"
            title={row.message}
            className="line-clamp-2 break-words rounded-sm font-medium text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            {row.message}
          </Link>
          <span className="truncate font-mono text-xs text-muted-foreground">
            {row.component} · {row.errorType}
          </span>
        </div>
      );
    },
    // w-full + max-w-0 lets the message take the leftover width and wrap or truncate.
    meta: {
      className: "w-full min-w-56 max-w-0",
      phoneClassName: "max-md:order-2 max-md:w-[calc(100%-2rem)] max-md:max-w-none",
    },
  }),
  column.accessor("createdAt", {
    header: "Logged",
    cell: (info) => <RelativeTime date={info.getValue()} className="text-muted-foreground" />,
    meta: {
      className: "whitespace-nowrap",
      phoneClassName: "max-md:order-3 max-md:ml-auto max-md:text-xs",
    },
  }),
  column.accessor("resolvedAt", {
    header: "Status",
    cell: (info) => {
      const row = info.row.original;
      return row.resolvedAt ? (
        <span className="flex flex-col text-xs text-muted-foreground" data-status="resolved">
          <Badge variant="resolved" hasDot>
            Resolved
          </Badge>
          {row.resolvedBy ? <span className="mt-0.5 truncate">by {row.resolvedBy}</span> : null}
        </span>
      ) : (
        <Badge variant="outline" data-status="open">
          Open
        </Badge>
      );
    },
    meta: { className: "w-36", phoneClassName: "max-md:order-3" },
  }),
]);
