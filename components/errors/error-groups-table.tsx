"use client";

import type { ReactTable } from "@tanstack/react-table";
import type { Ref } from "react";
import type { InboxTableFeatures } from "@/components/errors/error-group-columns";
import { SortableHeader } from "@/components/errors/sortable-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { InboxRow } from "@/lib/errors/inbox/load-error-inbox";
import { cn } from "@/lib/utils/cn";

const ariaSortByDirection = { asc: "ascending", desc: "descending" } as const;

type ErrorGroupsTableProps = {
  table: ReactTable<InboxTableFeatures, InboxRow>;
  focusedId: string | null;
  // Clicking or tabbing into a row makes it the keyboard cursor too.
  onRowFocus: (groupId: string) => void;
  isBusy: boolean;
  bodyRef: Ref<HTMLTableSectionElement>;
};

export function ErrorGroupsTable({
  table,
  focusedId,
  onRowFocus,
  isBusy,
  bodyRef,
}: ErrorGroupsTableProps) {
  return (
    // Laptop: a table. Phone (below md): the same rows restyled as wrapped cards,
    // so one set of rows serves both and nothing scrolls sideways.
    <Table
      scrollLabel="Error groups"
      aria-busy={isBusy || undefined}
      className={cn("max-md:block", isBusy && "opacity-60 transition-opacity")}
    >
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
      <TableBody ref={bodyRef} className="max-md:block">
        {table.getRowModel().rows.map((row) => {
          const isFocused = row.id === focusedId;
          const isSelected = row.getIsSelected();
          return (
            <TableRow
              key={row.id}
              data-testid="error-group-row"
              data-group-id={row.id}
              data-status={row.original.status}
              data-focused={isFocused || undefined}
              data-selected={isSelected || undefined}
              onFocusCapture={() => onRowFocus(row.id)}
              className={cn(
                "max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-2.5 max-md:gap-y-2 max-md:px-4 max-md:py-3",
                isSelected && "bg-primary/5 hover:bg-primary/10",
                // The keyboard cursor (j/k): an inset bar that never shifts the layout,
                // on the first cell because table rows do not paint shadows everywhere.
                isFocused &&
                  "bg-subtle/60 max-md:shadow-[inset_3px_0_0_0_var(--ring)] md:[&>td:first-child]:shadow-[inset_3px_0_0_0_var(--ring)]",
              )}
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
          );
        })}
      </TableBody>
    </Table>
  );
}
