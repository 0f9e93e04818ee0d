import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

const containerClass = "relative w-full overflow-x-auto rounded-lg border border-border bg-card";

type TableProps = ComponentProps<"table"> & {
  containerClassName?: string;
  // Names the scroll region. Wide tables scroll sideways on phones instead of
  // squeezing columns; a labelled, focusable region lets keyboard users scroll it.
  scrollLabel?: string;
};

export function Table({ className, containerClassName, scrollLabel, ...props }: TableProps) {
  const table = (
    <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
  );
  if (!scrollLabel) return <div className={cn(containerClass, containerClassName)}>{table}</div>;
  return (
    <section
      aria-label={scrollLabel}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className={cn(containerClass, containerClassName)}
    >
      {table}
    </section>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 text-sm text-muted-foreground", className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/60 [&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      className={cn("border-b border-border transition-colors hover:bg-subtle/60", className)}
      {...props}
    />
  );
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      className={cn(
        "h-10 whitespace-nowrap px-3 text-left align-middle text-xs font-medium uppercase tracking-wide text-muted-foreground first:pl-4 last:pr-4",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-3 align-middle first:pl-4 last:pr-4", className)} {...props} />;
}
