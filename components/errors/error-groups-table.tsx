"use client";

import { type SortingState, useTable } from "@tanstack/react-table";
import { useState } from "react";
import {
  errorGroupColumns,
  errorGroupTableFeatures,
} from "@/components/errors/error-group-columns";
import { SortableHeader } from "@/components/errors/sortable-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ErrorGroupListItem } from "@/lib/errors/list-error-groups";
import { cn } from "@/lib/utils/cn";

const ariaSortByDirection = { asc: "ascending", desc: "descending" } as const;

// Matches the server's order so the first render and the default sort agree.
const initialSorting: SortingState = [{ id: "lastSeenAt", desc: true }];

export function ErrorGroupsTable({ groups }: { groups: ErrorGroupListItem[] }) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useTable({
    features: errorGroupTableFeatures,
    columns: errorGroupColumns,
    data: groups,
    getRowId: (group) => group.id,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  });

  return (
    // Laptop: a sortable table. Phone (below md): the same rows restyled as
    // wrapped cards, so one set of rows serves both and nothing scrolls sideways.
    <Table scrollLabel="Error groups" className="max-md:block">
      <TableHeader className="max-md:hidden">
        {table.getHeaderGroups().map((headerGroup) => (
          <TableRow key={headerGroup.id} className="hover:bg-transparent">
            {headerGroup.headers.map((header) => {
              const direction = header.column.getIsSorted();
              const meta = header.column.columnDef.meta;
              return (
                <TableHead
                  key={header.id}
                  scope="col"
                  aria-sort={direction ? ariaSortByDirection[direction] : undefined}
                  className={cn(meta?.className, meta?.align === "end" && "text-right")}
                >
                  {header.isPlaceholder ? null : header.column.getCanSort() ? (
                    <SortableHeader
                      direction={direction}
                      onToggle={header.column.getToggleSortingHandler()}
                      isRightAligned={meta?.align === "end"}
                    >
                      <table.FlexRender header={header} />
                    </SortableHeader>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody className="max-md:block">
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            data-testid="error-group-row"
            data-group-id={row.id}
            className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-2.5 max-md:gap-y-2 max-md:px-4 max-md:py-3"
          >
            {row.getAllCells().map((cell) => (
              <TableCell
                key={cell.id}
                className={cn(
                  cell.column.columnDef.meta?.className,
                  cell.column.columnDef.meta?.align === "end" && "text-right",
                  "max-md:p-0!",
                  cell.column.columnDef.meta?.phoneClassName,
                )}
              >
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
