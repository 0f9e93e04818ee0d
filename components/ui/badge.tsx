import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// Tinted fills with a hairline ring: readable in both schemes (700 text on light,
// 300 on dark) without shouting; colour always comes with a text label.
const tone = {
  neutral: "bg-zinc-500/10 text-zinc-700 ring-zinc-500/20 dark:text-zinc-300 dark:ring-zinc-400/25",
  accent:
    "bg-indigo-500/10 text-indigo-700 ring-indigo-500/25 dark:text-indigo-300 dark:ring-indigo-400/30",
  red: "bg-red-500/10 text-red-700 ring-red-500/25 dark:text-red-300 dark:ring-red-400/30",
  rose: "bg-rose-500/10 text-rose-700 ring-rose-500/25 dark:text-rose-300 dark:ring-rose-400/30",
  orange:
    "bg-orange-500/10 text-orange-700 ring-orange-500/25 dark:text-orange-300 dark:ring-orange-400/30",
  amber:
    "bg-amber-500/10 text-amber-800 ring-amber-500/30 dark:text-amber-300 dark:ring-amber-400/30",
  green:
    "bg-emerald-500/10 text-emerald-700 ring-emerald-500/25 dark:text-emerald-300 dark:ring-emerald-400/30",
  teal: "bg-teal-500/10 text-teal-700 ring-teal-500/25 dark:text-teal-300 dark:ring-teal-400/30",
  violet:
    "bg-violet-500/10 text-violet-700 ring-violet-500/25 dark:text-violet-300 dark:ring-violet-400/30",
} as const;

export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset [&_svg]:size-3 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        neutral: tone.neutral,
        accent: tone.accent,
        outline: "bg-transparent text-muted-foreground ring-border",
        // Error types (ExecutionErrorType).
        compilation: tone.violet,
        runtime: tone.red,
        timeout: tone.amber,
        panic: cn(tone.rose, "font-semibold"),
        // Error group statuses (ErrorGroupStatus).
        unresolved: tone.rose,
        resolved: tone.green,
        regressed: tone.orange,
        ignored: tone.neutral,
        fix_proposed: tone.accent,
        fix_deployed: tone.teal,
        // System error severities (Severity).
        low: tone.neutral,
        medium: tone.amber,
        high: tone.orange,
        critical: cn(tone.red, "font-semibold"),
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

export type BadgeProps = ComponentProps<"span"> &
  VariantProps<typeof badgeVariants> & {
    // A small leading dot in the badge's colour, for status-like badges.
    hasDot?: boolean;
  };

export function Badge({ className, variant, hasDot = false, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ variant }), className)} {...props}>
      {hasDot ? <span aria-hidden="true" className="size-1.5 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
