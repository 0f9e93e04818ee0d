"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useId, useState } from "react";
import {
  countPreviewChanges,
  defaultPreviewFilter,
  isPreviewFilter,
  PREVIEW_CHANGES,
  type PreviewFilter,
  type PreviewSort,
  type PreviewSortKey,
  previewChangeLabels,
  previewChangeTones,
  selectPreviewRows,
} from "@/components/recovery/preview-rows";
import { formatDuration, RunOutcomeView } from "@/components/recovery/run-outcome";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { PreviewRow } from "@/lib/preview/preview-types";

const sortLabels: Record<PreviewSortKey, string> = {
  input: "Input",
  runtime: "Runtime",
  change: "Change",
};

function SortableHead({
  sortKey,
  sort,
  onSort,
}: {
  sortKey: PreviewSortKey;
  sort: PreviewSort;
  onSort: (key: PreviewSortKey) => void;
}) {
  const isActive = sort.key === sortKey;
  const Icon = !isActive ? ArrowUpDown : sort.direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead
      aria-sort={isActive ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        data-testid={`preview-sort-${sortKey}`}
      >
        {sortLabels[sortKey]}
        <Icon aria-hidden="true" className="size-3" />
      </button>
    </TableHead>
  );
}

// Every input the preview ran, old result beside new, filterable by kind of change
// and sortable by input, runtime or change.
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const [filter, setFilter] = useState<PreviewFilter>(() => defaultPreviewFilter(rows));
  const [sort, setSort] = useState<PreviewSort>({ key: "change", direction: "asc" });
  const filterId = useId();
  const counts = countPreviewChanges(rows);
  const shown = selectPreviewRows(rows, filter, sort);

  function toggleSort(key: PreviewSortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key, direction: "asc" },
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1.5 sm:w-64">
        <Label htmlFor={filterId}>Show</Label>
        <Select
          id={filterId}
          value={filter}
          onChange={(event) => {
            if (isPreviewFilter(event.target.value)) setFilter(event.target.value);
          }}
          data-testid="preview-filter"
        >
          <option value="all">All inputs ({rows.length})</option>
          <option value="changed" disabled={counts.unchanged === rows.length}>
            Changed results ({rows.length - counts.unchanged})
          </option>
          {PREVIEW_CHANGES.map((change) => (
            <option key={change} value={change} disabled={counts[change] === 0}>
              {previewChangeLabels[change]} ({counts[change]})
            </option>
          ))}
        </Select>
      </div>
      <Table scrollLabel="Preview results per input" data-testid="preview-table">
        <TableHeader>
          <TableRow>
            <SortableHead sortKey="input" sort={sort} onSort={toggleSort} />
            <TableHead>Old result</TableHead>
            <TableHead>New result</TableHead>
            <SortableHead sortKey="runtime" sort={sort} onSort={toggleSort} />
            <SortableHead sortKey="change" sort={sort} onSort={toggleSort} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={row.id} data-testid="preview-row" data-change={row.change}>
              <TableCell className="min-w-36">
                <div className="flex flex-col gap-0.5">
                  <span className="font-medium">
                    {row.symbol} <span className="text-muted-foreground">{row.interval}</span>
                  </span>
                  <span className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
                    {row.label}
                  </span>
                </div>
              </TableCell>
              <TableCell className="min-w-40">
                <RunOutcomeView outcome={row.old} />
              </TableCell>
              <TableCell className="min-w-40">
                <RunOutcomeView outcome={row.new} />
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {formatDuration(row.new.durationMs)}
              </TableCell>
              <TableCell>
                <Badge variant={previewChangeTones[row.change]}>
                  {previewChangeLabels[row.change]}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
