"use client";

import { type FormEvent, useId } from "react";
import { useSystemErrorNavigation } from "@/components/admin/use-system-error-navigation";
import { FilterBarStatus } from "@/components/filters/filter-bar-status";
import { fromLocalDateTimeInput, toLocalDateTimeInput } from "@/components/filters/local-datetime";
import { useIsClient } from "@/components/filters/use-is-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
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

export function SystemErrorFilters({
  params: urlParams,
  errorTypes,
}: {
  params: SystemErrorParams;
  errorTypes: string[];
}) {
  const ids = { type: useId(), component: useId(), since: useId(), until: useId() };
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
        <div className="flex flex-col gap-1 md:w-56">
          <label htmlFor={ids.type} className="text-xs text-muted-foreground">
            Type
          </label>
          <Select
            id={ids.type}
            data-testid="filter-type"
            value={params.type ?? ""}
            onChange={(event) => change({ type: event.target.value || undefined })}
          >
            <option value="">Any type</option>
            {typeOptions.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1 md:w-44">
          <label htmlFor={ids.component} className="text-xs text-muted-foreground">
            Component
          </label>
          <Select
            id={ids.component}
            data-testid="filter-component"
            value={params.component ?? ""}
            onChange={(event) =>
              change({
                component: parseSystemErrorParams({ component: event.target.value }).component,
              })
            }
          >
            <option value="">Any component</option>
            {systemErrorComponentSchema.options.map((component) => (
              <option key={component} value={component}>
                {component}
              </option>
            ))}
          </Select>
        </div>
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
