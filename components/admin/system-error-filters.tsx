"use client";

import { type FormEvent, useId } from "react";
import { useSystemErrorNavigation } from "@/components/admin/use-system-error-navigation";
import { FilterBarStatus } from "@/components/filters/filter-bar-status";
import { type FilterOption, FilterSelect } from "@/components/filters/filter-select";
import { fromLocalDateTimeInput, toLocalDateTimeInput } from "@/components/filters/local-datetime";
import { useIsClient } from "@/components/filters/use-is-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  emptySystemErrorParams,
  hasSystemErrorFilters,
  parseSystemErrorParams,
  type SystemErrorParams,
  systemErrorsHref,
  withSystemErrorChanges,
} from "@/lib/admin/system-error-search-params";
import { Severity } from "@/lib/generated/prisma/enums";
import { systemErrorComponentSchema } from "@/lib/system-errors/system-error-component";
import { cn } from "@/lib/utils/cn";

const componentOptions: FilterOption[] = [
  { value: "", label: "Any component" },
  ...systemErrorComponentSchema.options.map((component) => ({
    value: component,
    label: component,
  })),
];

export function SystemErrorFilters({
  params: urlParams,
  errorTypes,
}: {
  params: SystemErrorParams;
  errorTypes: string[];
}) {
  const ids = { since: useId(), until: useId() };
  const isClient = useIsClient();
  const { params, navigate, isNavigating } = useSystemErrorNavigation(urlParams);
  const change = (changes: Parameters<typeof withSystemErrorChanges>[1]) =>
    navigate(withSystemErrorChanges(params, changes));
  const selectedSeverities = new Set(params.severity ?? []);
  const typeOptions =
    params.type && !errorTypes.includes(params.type) ? [...errorTypes, params.type] : errorTypes;

  function toggleSeverity(severity: Severity) {
    const next = new Set(selectedSeverities);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    // Kept in the enum's order, so the URL does not depend on the click order.
    const ordered = Object.values(Severity).filter((value) => next.has(value));
    change({ severity: ordered.length > 0 ? ordered : undefined });
  }

  function applyTimeRange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? fromLocalDateTimeInput(value) : undefined;
    };
    change({ since: read("since"), until: read("until") });
  }

  return (
    <section
      aria-label="Filter system errors"
      data-testid="system-error-filters"
      // Set once React handles the controls; a change before that would be lost.
      data-interactive={isClient || undefined}
      className="mb-4 flex flex-col gap-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="sr-only">Severity</legend>
          {Object.values(Severity).map((severity) => {
            const isOn = selectedSeverities.has(severity);
            return (
              <label
                key={severity}
                className={cn(
                  "flex h-8 cursor-pointer items-center gap-1.5 rounded-md border px-2.5 text-sm capitalize has-focus-visible:outline-2 has-focus-visible:outline-ring",
                  isOn ? "border-ring/50 bg-primary/10 text-foreground" : "border-border bg-card",
                )}
              >
                <input
                  type="checkbox"
                  className="size-3.5 accent-primary"
                  checked={isOn}
                  onChange={() => toggleSeverity(severity)}
                  data-testid={`filter-severity-${severity}`}
                />
                {severity}
              </label>
            );
          })}
        </fieldset>
        <label className="flex h-8 cursor-pointer items-center gap-1.5 rounded-md border border-border bg-card px-2.5 text-sm has-focus-visible:outline-2 has-focus-visible:outline-ring">
          <input
            type="checkbox"
            className="size-3.5 accent-primary"
            checked={params.unresolved}
            onChange={(event) => change({ unresolved: event.target.checked })}
            data-testid="filter-unresolved"
          />
          Unresolved only
        </label>
      </div>
      <div className="grid grid-cols-2 gap-2 md:flex md:flex-wrap md:items-end">
        <FilterSelect
          label="Type"
          isLabelVisible
          className="md:w-56"
          testId="filter-type"
          value={params.type ?? ""}
          options={[
            { value: "", label: "Any type" },
            ...typeOptions.map((type) => ({ value: type, label: type })),
          ]}
          onChange={(value) => change({ type: value || undefined })}
        />
        <FilterSelect
          label="Component"
          isLabelVisible
          className="md:w-44"
          testId="filter-component"
          value={params.component ?? ""}
          options={componentOptions}
          onChange={(value) =>
            change({ component: parseSystemErrorParams({ component: value }).component })
          }
        />
        <form
          onSubmit={applyTimeRange}
          className="col-span-2 grid grid-cols-2 items-end gap-2 md:flex"
          // Rendered again once the browser's time zone is known, and after back/forward.
          key={isClient ? `local-${params.since ?? ""}-${params.until ?? ""}` : "server"}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.since} className="text-xs text-muted-foreground">
              From
            </label>
            <Input
              id={ids.since}
              name="since"
              type="datetime-local"
              defaultValue={isClient && params.since ? toLocalDateTimeInput(params.since) : ""}
              data-testid="filter-since"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.until} className="text-xs text-muted-foreground">
              Until
            </label>
            <Input
              id={ids.until}
              name="until"
              type="datetime-local"
              defaultValue={isClient && params.until ? toLocalDateTimeInput(params.until) : ""}
              data-testid="filter-until"
            />
          </div>
          <Button type="submit" variant="outline" className="max-md:col-span-2">
            Apply dates
          </Button>
        </form>
        <FilterBarStatus
          clearHref={systemErrorsHref(emptySystemErrorParams)}
          hasFilters={hasSystemErrorFilters(params)}
          isNavigating={isNavigating}
        />
      </div>
    </section>
  );
}
