"use client";

import { Search } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { errorGroupStatusLabels } from "@/components/errors/error-group-status-badge";
import { errorTypeLabels } from "@/components/errors/error-type-badge";
import { useInboxNavigation } from "@/components/errors/use-inbox-navigation";
import { FilterBarStatus } from "@/components/filters/filter-bar-status";
import { fromLocalDateTimeInput, toLocalDateTimeInput } from "@/components/filters/local-datetime";
import { useIsClient } from "@/components/filters/use-is-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
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

const statusOptions = [
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

export function ErrorInboxFilters({
  params,
  traders,
}: {
  params: InboxParams;
  traders: TraderOption[];
}) {
  const ids = { q: useId(), status: useId(), type: useId(), trader: useId(), range: useId() };
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
            <label htmlFor={ids.q} className="sr-only">
              Search error titles
            </label>
            <Input
              id={ids.q}
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
        <div className="md:w-44">
          <label htmlFor={ids.status} className="sr-only">
            Status
          </label>
          <Select
            id={ids.status}
            data-testid="filter-status"
            value={statusValue}
            onChange={(event) =>
              change({ status: parseInboxSearchParams({ status: event.target.value }).status })
            }
          >
            {statusOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            {isKnownStatusValue ? null : (
              <option value={statusValue}>
                {(params.status ?? []).map((status) => errorGroupStatusLabels[status]).join(" + ")}
              </option>
            )}
          </Select>
        </div>
        <div className="md:w-40">
          <label htmlFor={ids.type} className="sr-only">
            Error type
          </label>
          <Select
            id={ids.type}
            data-testid="filter-type"
            value={params.type ?? ""}
            onChange={(event) =>
              change({ type: parseInboxSearchParams({ type: event.target.value }).type })
            }
          >
            <option value="">Any type</option>
            {Object.values(ExecutionErrorType).map((type) => (
              <option key={type} value={type}>
                {errorTypeLabels[type]}
              </option>
            ))}
          </Select>
        </div>
        <div className="md:w-48">
          <label htmlFor={ids.trader} className="sr-only">
            Trader
          </label>
          <Select
            id={ids.trader}
            data-testid="filter-trader"
            value={params.trader ?? ""}
            onChange={(event) => change({ trader: event.target.value || undefined })}
          >
            <option value="">All traders</option>
            {traders.map((trader) => (
              <option key={trader.id} value={trader.id}>
                {trader.name}
              </option>
            ))}
            {isKnownTrader ? null : <option value={params.trader}>Unknown trader</option>}
          </Select>
        </div>
        <div className="md:w-44">
          <label htmlFor={ids.range} className="sr-only">
            Last seen
          </label>
          <Select
            id={ids.range}
            data-testid="filter-range"
            value={isCustomRange ? customRange : (params.range ?? "")}
            onChange={(event) => {
              const value = event.target.value;
              if (value === customRange) {
                setIsChoosingSince(true);
                return;
              }
              setIsChoosingSince(false);
              change({ range: parseInboxSearchParams({ range: value }).range, since: undefined });
            }}
          >
            <option value="">Any time</option>
            {Object.entries(rangeLabels).map(([range, label]) => (
              <option key={range} value={range}>
                {label}
              </option>
            ))}
            <option value={customRange}>Since…</option>
          </Select>
        </div>
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
