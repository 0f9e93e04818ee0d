"use client";

import { useId } from "react";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";

export type FilterOption = { value: string; label: string };

type FilterSelectProps = {
  label: string;
  // Inline filter bars label their selects for screen readers only.
  isLabelVisible?: boolean;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  testId: string;
  className?: string;
};

/** A labelled native select for a filter bar. */
export function FilterSelect({
  label,
  isLabelVisible = false,
  value,
  options,
  onChange,
  testId,
  className,
}: FilterSelectProps) {
  const id = useId();
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className={isLabelVisible ? "text-xs text-muted-foreground" : "sr-only"}>
        {label}
      </label>
      <Select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
