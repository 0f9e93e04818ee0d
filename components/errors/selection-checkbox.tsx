"use client";

import { type ComponentProps, useEffect, useRef } from "react";
import { cn } from "@/lib/utils/cn";

type SelectionCheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  // "Some but not all": only settable from script, hence the effect.
  isIndeterminate?: boolean;
};

export function SelectionCheckbox({
  isIndeterminate = false,
  className,
  ...props
}: SelectionCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isIndeterminate;
  }, [isIndeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn(
        "size-4 cursor-pointer rounded border-input accent-primary align-middle",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        className,
      )}
      {...props}
    />
  );
}
