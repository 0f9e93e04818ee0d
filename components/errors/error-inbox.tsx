"use client";

import { functionalUpdate, type RowSelectionState, useTable } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { BulkActionsBar } from "@/components/errors/bulk-actions-bar";
import { BulkStatusDialog } from "@/components/errors/bulk-status-dialog";
import {
  changeStatusesWithToasts,
  type StatusChangeRequest,
} from "@/components/errors/change-statuses-with-toasts";
import type { TriageStatus } from "@/components/errors/describe-status-change";
import { inboxColumns, inboxTableFeatures } from "@/components/errors/error-group-columns";
import { ErrorGroupsTable } from "@/components/errors/error-groups-table";
import { InboxFooter } from "@/components/errors/inbox-footer";
import { type InboxShortcut, moveCursor } from "@/components/errors/inbox-shortcuts";
import { paramsFromSorting, sortingFromParams } from "@/components/errors/inbox-sorting";
import { useInboxNavigation } from "@/components/errors/use-inbox-navigation";
import { useInboxShortcuts } from "@/components/errors/use-inbox-shortcuts";
import {
  type InboxParams,
  serializeInboxSearchParams,
  withInboxChanges,
} from "@/lib/errors/inbox/inbox-search-params";
import type { InboxRow } from "@/lib/errors/inbox/load-error-inbox";

type ErrorInboxProps = {
  rows: InboxRow[];
  params: InboxParams;
  prevCursor: string | null;
  nextCursor: string | null;
};

// The interactive list. The server owns what is listed (filters, order, page: all in
// the URL); this component owns only selection and the keyboard cursor, both kept by
// group id so a live refresh that reorders or replaces rows leaves them in place.
export function ErrorInbox({ rows, params, prevCursor, nextCursor }: ErrorInboxProps) {
  const router = useRouter();
  const { navigate, isNavigating } = useInboxNavigation();
  const [isChanging, startChange] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [dialogStatus, setDialogStatus] = useState<TriageStatus | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // A new view (other filters, order or page) starts with nothing selected; a refresh
  // of the same view keeps the selection.
  const viewKey = serializeInboxSearchParams(params);
  const [selectionViewKey, setSelectionViewKey] = useState(viewKey);
  if (selectionViewKey !== viewKey) {
    setSelectionViewKey(viewKey);
    setRowSelection({});
  }

  const sorting = useMemo(() => sortingFromParams(params), [params]);
  const table = useTable({
    features: inboxTableFeatures,
    columns: inboxColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = paramsFromSorting(functionalUpdate(updater, sorting));
      if (next) navigate(withInboxChanges(params, next));
    },
    onRowSelectionChange: setRowSelection,
  });

  // Only rows on this page count: a selected group that a refresh removed is not acted on.
  const selectedIds = table.getSelectedRowModel().rows.map((row) => row.id);
  const titleOf = (groupId: string) => rows.find((row) => row.id === groupId)?.title;

  function focusRow(groupId: string) {
    setFocusedId(groupId);
    bodyRef.current?.querySelector<HTMLElement>(`[data-row-link="${groupId}"]`)?.focus();
  }

  function runChange(request: StatusChangeRequest): Promise<string | null> {
    return new Promise((resolve) => {
      startChange(async () => {
        const outcome = await changeStatusesWithToasts(request, titleOf).catch(() => ({
          ok: false as const,
          message: "Faultline could not be reached. Check your connection and try again.",
        }));
        if (!outcome.ok) {
          resolve(outcome.message);
          return;
        }
        // Failed groups stay selected, ready for another try.
        const done = new Set([...outcome.result.changed, ...outcome.result.unchanged]);
        setRowSelection((current) =>
          Object.fromEntries(Object.entries(current).filter(([id]) => !done.has(id))),
        );
        resolve(null);
      });
    });
  }

  async function confirmDialog(note: string): Promise<string | null> {
    if (!dialogStatus) return null;
    const message = await runChange({ groupIds: selectedIds, to: dialogStatus, note });
    if (!message) setDialogStatus(null);
    return message;
  }

  useInboxShortcuts((shortcut: InboxShortcut) => {
    const rowIds = rows.map((row) => row.id);
    const current = focusedId && rowIds.includes(focusedId) ? focusedId : null;
    if (shortcut === "next" || shortcut === "previous") {
      const target = moveCursor(rowIds, current, shortcut === "next" ? 1 : -1);
      if (target) focusRow(target);
      return;
    }
    if (!current) return;
    if (shortcut === "open") router.push(`/errors/${current}`);
    if (shortcut === "toggle-selection") table.getRow(current).toggleSelected();
    if (shortcut === "resolve" && !isChanging) {
      void runChange({ groupIds: [current], to: "resolved" }).then((message) => {
        if (message) toast.error(message);
      });
    }
  });

  return (
    <div data-testid="error-inbox">
      <BulkActionsBar
        selectedCount={selectedIds.length}
        isPending={isChanging}
        onChoose={setDialogStatus}
        onClear={() => setRowSelection({})}
      />
      <ErrorGroupsTable
        table={table}
        focusedId={focusedId}
        onRowFocus={setFocusedId}
        isBusy={isNavigating || isChanging}
        bodyRef={bodyRef}
      />
      <InboxFooter params={params} prevCursor={prevCursor} nextCursor={nextCursor} />
      <BulkStatusDialog
        request={dialogStatus ? { to: dialogStatus, count: selectedIds.length } : null}
        isPending={isChanging}
        onConfirm={confirmDialog}
        onCancel={() => setDialogStatus(null)}
      />
    </div>
  );
}
