"use client";

import { Search } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { errorGroupStatusLabels } from "@/components/errors/error-group-status-badge";
import { errorTypeLabels } from "@/components/errors/error-type-badge";
import { useInboxNavigation } from "@/components/errors/use-inbox-navigation";
import { FilterBarStatus } from "@/components/filters/filter-bar-status";
import { type FilterOption, FilterSelect } from "@/components/filters/filter-select";
import { fromLocalDateTimeInput, toLocalDateTimeInput } from "@/components/filters/local-datetime";
import { useIsClient } from "@/components/filters/use-is-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  clearInboxFilters,
  hasInboxFilters,
  type InboxParams,
  inboxHref,
  parseInboxSearchParams,
  serializeInboxSearchParams,
  type TimeRange,
  withInboxChanges,
} from "@/lib/errors/inbox/inbox-search-params";
import type { TraderOption } from "@/lib/errors/inbox/list-trader-options";
import { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";

const statusOptions: FilterOption[] = [
  { value: "", label: "Any status" },
  { value: "unresolved,regressed", label: "Needs attention" },
  ...Object.values(ErrorGroupStatus).map((status) => ({
    value: status,
    label: errorGroupStatusLabels[status],
  })),
];

const rangeLabels: Record<TimeRange, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

const customRange = "custom";

const rangeOptions: FilterOption[] = [
  { value: "", label: "Any time" },
  ...Object.entries(rangeLabels).map(([range, label]) => ({ value: range, label })),
  { value: customRange, label: "Since…" },
];

const typeOptions: FilterOption[] = [
  { value: "", label: "Any type" },
  ...Object.values(ExecutionErrorType).map((type) => ({
    value: type,
    label: errorTypeLabels[type],
  })),
];

export function ErrorInboxFilters({
  params,
  traders,
}: {
  params: InboxParams;
  traders: TraderOption[];
}) {
  const searchId = useId();
  const sinceId = useId();
  const isClient = useIsClient();
  const { navigate, isNavigating } = useInboxNavigation();
  const [isChoosingSince, setIsChoosingSince] = useState(false);
  // "Since…" picked but not applied yet is forgotten once the view changes.
  const viewKey = serializeInboxSearchParams(params);
  const [chooserViewKey, setChooserViewKey] = useState(viewKey);
  if (chooserViewKey !== viewKey) {
    setChooserViewKey(viewKey);
    setIsChoosingSince(false);
  }
  const isCustomRange = Boolean(params.since) || isChoosingSince;

  const change = (changes: Parameters<typeof withInboxChanges>[1]) =>
    navigate(withInboxChanges(params, changes));

  const statusValue = params.status?.join(",") ?? "";
  const isKnownStatusValue = statusOptions.some((option) => option.value === statusValue);
  const isKnownTrader = !params.trader || traders.some((trader) => trader.id === params.trader);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get("q");
    change({ q: typeof text === "string" && text.trim() ? text.trim() : undefined });
  }

  function applySince(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get("since");
    const since = typeof value === "string" ? fromLocalDateTimeInput(value) : undefined;
    if (since) change({ since, range: undefined });
  }

  return (
    <section
      aria-label="Filter error groups"
      data-testid="inbox-filters"
      // Set once React handles the controls; a change before that would be lost.
      data-interactive={isClient || undefined}
      className="mb-4 flex flex-col gap-2"
    >
      <div className="grid grid-cols-2 gap-2 md:flex md:flex-wrap md:items-center">
        <search className="col-span-2 min-w-0 md:min-w-56 md:flex-1">
          <form
            onSubmit={search}
            className="flex gap-2"
            // A back/forward navigation changes q: remount so the field shows it.
            key={params.q ?? ""}
          >
            <label htmlFor={searchId} className="sr-only">
              Search error titles
            </label>
            <Input
              id={searchId}
              name="q"
              type="search"
              placeholder="Search titles…"
              defaultValue={params.q ?? ""}
              maxLength={200}
              data-testid="filter-search"
            />
            <Button type="submit" variant="outline" size="icon" aria-label="Search">
              <Search aria-hidden="true" />
            </Button>
          </form>
        </search>
        <FilterSelect
          label="Status"
          className="md:w-44"
          testId="filter-status"
          value={statusValue}
          options={
            isKnownStatusValue
              ? statusOptions
              : [
                  ...statusOptions,
                  {
                    value: statusValue,
                    label: (params.status ?? [])
                      .map((status) => errorGroupStatusLabels[status])
                      .join(" + "),
                  },
                ]
          }
          onChange={(value) => change({ status: parseInboxSearchParams({ status: value }).status })}
        />
        <FilterSelect
          label="Error type"
          className="md:w-40"
          testId="filter-type"
          value={params.type ?? ""}
          options={typeOptions}
          onChange={(value) => change({ type: parseInboxSearchParams({ type: value }).type })}
        />
        <FilterSelect
          label="Trader"
          className="md:w-48"
          testId="filter-trader"
          value={params.trader ?? ""}
          options={[
            { value: "", label: "All traders" },
            ...traders.map((trader) => ({ value: trader.id, label: trader.name })),
            ...(isKnownTrader || !params.trader
              ? []
              : [{ value: params.trader, label: "Unknown trader" }]),
          ]}
          onChange={(value) => change({ trader: value || undefined })}
        />
        <FilterSelect
          label="Last seen"
          className="md:w-44"
          testId="filter-range"
          value={isCustomRange ? customRange : (params.range ?? "")}
          options={rangeOptions}
          onChange={(value) => {
            if (value === customRange) {
              setIsChoosingSince(true);
              return;
            }
            setIsChoosingSince(false);
            change({ range: parseInboxSearchParams({ range: value }).range, since: undefined });
          }}
        />
        <FilterBarStatus
          clearHref={inboxHref(clearInboxFilters(params))}
          hasFilters={hasInboxFilters(params)}
          isNavigating={isNavigating}
        />
      </div>
      {isCustomRange ? (
        <form onSubmit={applySince} className="flex flex-wrap items-center gap-2">
          <label htmlFor={sinceId} className="text-sm text-muted-foreground">
            Last seen since
          </label>
          <Input
            // Rendered again once the browser's time zone is known.
            key={isClient ? `local-${params.since ?? ""}` : "server"}
            id={sinceId}
            name="since"
            type="datetime-local"
            required
            defaultValue={isClient && params.since ? toLocalDateTimeInput(params.since) : ""}
            className="w-auto"
            data-testid="filter-since"
          />
          <Button type="submit" variant="outline" size="sm">
            Apply
          </Button>
        </form>
      ) : null}
    </section>
  );
}
