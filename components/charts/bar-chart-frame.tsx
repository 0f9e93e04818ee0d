import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** An SVG bar chart's canvas: stretched to its container's width, with a baseline. */
export function BarChartFrame({
  label,
  width,
  height,
  className,
  children,
}: {
  label: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className={cn("w-full overflow-visible", className)}
    >
      <line
        x1={0}
        x2={width}
        y1={height - 0.5}
        y2={height - 0.5}
        className="stroke-border"
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      {children}
    </svg>
  );
}
