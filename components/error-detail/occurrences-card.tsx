"use client";

import { useState } from "react";
import { OccurrenceChart } from "@/components/error-detail/occurrence-chart";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type {
  OccurrenceBucket,
  OccurrenceRange,
} from "@/lib/errors/detail/count-group-occurrences";
import { cn } from "@/lib/utils/cn";

const rangeOptions: readonly { range: OccurrenceRange; label: string }[] = [
  { range: "48h", label: "48 hours" },
  { range: "30d", label: "30 days" },
];

export function OccurrencesCard({
  occurrences,
}: {
  occurrences: Record<OccurrenceRange, OccurrenceBucket[]>;
}) {
  const [range, setRange] = useState<OccurrenceRange>("48h");
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3 pb-3">
        <CardTitle>Occurrences</CardTitle>
        <fieldset className="inline-flex rounded-md border border-border bg-muted/40 p-0.5">
          <legend className="sr-only">Time range</legend>
          {rangeOptions.map((option) => (
            <button
              key={option.range}
              type="button"
              aria-pressed={range === option.range}
              onClick={() => setRange(option.range)}
              className={cn(
                "rounded px-2.5 py-1 text-xs font-medium text-muted-foreground transition-colors",
                "focus-visible:outline-2 focus-visible:outline-ring/40",
                range === option.range && "bg-card text-foreground shadow-xs",
              )}
              data-testid={`occurrence-range-${option.range}`}
            >
              {option.label}
            </button>
          ))}
        </fieldset>
      </CardHeader>
      <CardContent>
        <OccurrenceChart buckets={occurrences[range]} range={range} />
      </CardContent>
    </Card>
  );
}
