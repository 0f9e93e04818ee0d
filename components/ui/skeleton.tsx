import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// Decorative only: the loading region around it carries the accessible status.
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
