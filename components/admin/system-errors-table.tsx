"use client";

import { type RowSelectionState, useTable } from "@tanstack/react-table";
import { CheckCircle2, ChevronRight, ChevronsLeft, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ResolveSystemErrorsDialog } from "@/components/admin/resolve-system-errors-dialog";
import {
  systemErrorColumns,
  systemErrorTableFeatures,
} from "@/components/admin/system-error-columns";
import { SelectionCheckbox } from "@/components/errors/selection-checkbox";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { SystemErrorRow } from "@/lib/admin/system-error-row";
import {
  type SystemErrorParams,
  serializeSystemErrorParams,
  systemErrorsHref,
} from "@/lib/admin/system-error-search-params";
import { cn } from "@/lib/utils/cn";

type SystemErrorsTableProps = {
  rows: SystemErrorRow[];
  params: SystemErrorParams;
  nextCursor: string | null;
};

// The server owns what is listed (filters and page live in the URL); this component
// owns only the selection, kept by id so a refresh after resolving leaves it in place.
export function SystemErrorsTable({ rows, params, nextCursor }: SystemErrorsTableProps) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [resolvingIds, setResolvingIds] = useState<string[]>([]);

  // Another view (filters or page) starts with nothing selected.
  const viewKey = serializeSystemErrorParams(params);
  const [selectionViewKey, setSelectionViewKey] = useState(viewKey);
  if (selectionViewKey !== viewKey) {
    setSelectionViewKey(viewKey);
    setRowSelection({});
  }

  const table = useTable({
    features: systemErrorTableFeatures,
    columns: systemErrorColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { rowSelection },
    // Resolved errors cannot be resolved again: they are not selectable.
    enableRowSelection: (row) => row.original.resolvedAt === null,
    onRowSelectionChange: setRowSelection,
  });
  // Only rows still on this page and still open count.
  const selectedIds = table.getSelectedRowModel().rows.map((row) => row.id);
  const hasSelection = selectedIds.length > 0;

  return (
    <div data-testid="system-errors-table">
      <section
        aria-label="Bulk actions"
        data-testid="bulk-actions"
        className={cn(
          "mb-3 flex min-h-12 flex-wrap items-center gap-2 rounded-lg border px-3 py-2 transition-colors",
          hasSelection ? "border-ring/40 bg-primary/5" : "border-border bg-card",
        )}
      >
        {/* Phones have no header row, so its select-all checkbox moves here. */}
        <SelectionCheckbox
          aria-label="Select all open system errors on this page"
          checked={table.getIsAllPageRowsSelected()}
          isIndeterminate={table.getIsSomePageRowsSelected()}
          disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
          className="md:hidden"
        />
        <p className="mr-auto text-sm" aria-live="polite">
          {hasSelection ? (
            <>
              <span data-testid="selected-count" className="font-medium">
                {selectedIds.length}
              </span>{" "}
              selected
            </>
          ) : (
            <span className="text-muted-foreground">
              Select open errors to resolve them together
            </span>
          )}
        </p>
        <Button
          size="sm"
          variant="secondary"
          disabled={!hasSelection}
          onClick={() => setResolvingIds(selectedIds)}
          data-testid="bulk-resolve"
        >
          <CheckCircle2 aria-hidden="true" />
          Resolve selected
        </Button>
        {hasSelection ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRowSelection({})}
            aria-label="Clear selection"
          >
            <X aria-hidden="true" />
            <span className="max-sm:sr-only">Clear</span>
          </Button>
        ) : null}
      </section>
      {/* Laptop: a table. Phone (below md): the same rows restyled as wrapped cards. */}
      <Table scrollLabel="System errors" className="max-md:block">
        <TableHeader className="max-md:hidden">
          {table.getHeaderGroups().map((headerGroup) => (
            <TableRow key={headerGroup.id} className="hover:bg-transparent">
              {headerGroup.headers.map((header) => (
                <TableHead
                  key={header.id}
                  scope="col"
                  className={header.column.columnDef.meta?.className}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody className="max-md:block">
          {table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              data-testid="system-error-row"
              data-system-error-id={row.id}
              data-selected={row.getIsSelected() || undefined}
              className={cn(
                "max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-2.5 max-md:gap-y-2 max-md:px-4 max-md:py-3",
                row.getIsSelected() && "bg-primary/5 hover:bg-primary/10",
              )}
            >
              {row.getAllCells().map((cell) => (
                <TableCell
                  key={cell.id}
                  className={cn(
                    cell.column.columnDef.meta?.className,
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
      <nav aria-label="Pages" className="mt-3 flex flex-wrap justify-end gap-2">
        {params.cursor ? (
          <Button asChild variant="outline" size="sm">
            <Link
              href={systemErrorsHref({ ...params, cursor: undefined })}
              data-testid="newest-page"
            >
              <ChevronsLeft aria-hidden="true" />
              Newest
            </Link>
          </Button>
        ) : null}
        {nextCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link
              href={systemErrorsHref({ ...params, cursor: nextCursor })}
              rel="next"
              data-testid="older-page"
            >
              Older
              <ChevronRight aria-hidden="true" />
            </Link>
          </Button>
        ) : null}
      </nav>
      <ResolveSystemErrorsDialog
        ids={resolvingIds}
        onClose={() => setResolvingIds([])}
        onResolved={(doneIds) => {
          const done = new Set(doneIds);
          setRowSelection((current) =>
            Object.fromEntries(Object.entries(current).filter(([id]) => !done.has(id))),
          );
        }}
      />
    </div>
  );
}
