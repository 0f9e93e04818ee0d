import { cn } from "@/lib/utils/cn";

// Preformatted text (a stack trace, pretty JSON) that scrolls sideways on its own
// instead of widening the page on a phone.
export function CodeBlock({
  label,
  children,
  className,
  ...props
}: {
  label: string;
  children: string;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className={cn(
        "max-h-[28rem] overflow-auto rounded-lg border border-border bg-muted/40 focus-visible:outline-2 focus-visible:outline-ring/40",
        className,
      )}
      {...props}
    >
      <pre className="w-fit min-w-full whitespace-pre px-3 py-2 font-mono text-xs leading-5">
        {children}
      </pre>
    </section>
  );
}
