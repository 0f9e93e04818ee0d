import type { ParsedStackTrace, StackLineKind } from "@/lib/errors/detail/parse-stack-trace";
import { cn } from "@/lib/utils/cn";

const lineClass: Record<StackLineKind, string> = {
  message: "text-foreground",
  "in-app":
    "border-l-2 border-rose-500 bg-rose-500/10 font-semibold text-rose-800 dark:text-rose-200",
  runtime: "text-muted-foreground",
};

// The user's own frames stand out; executor and runtime frames are dimmed.
export function StackTrace({ stack, label }: { stack: ParsedStackTrace; label: string }) {
  const hasInAppFrames = stack.lines.some((line) => line.kind === "in-app");
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <section
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-border bg-muted/40 focus-visible:outline-2 focus-visible:outline-ring/40"
        data-testid="stack-trace"
      >
        <pre className="w-fit min-w-full py-2 font-mono text-xs leading-5">
          {stack.lines.map((line, index) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of an immutable trace; the same text may repeat.
              key={index}
              className={cn("block min-w-fit whitespace-pre px-3", lineClass[line.kind])}
              data-frame-kind={line.kind}
            >
              {line.kind === "in-app" ? <span className="sr-only">Your code: </span> : null}
              {line.text || " "}
            </span>
          ))}
        </pre>
      </section>
      <p className="text-xs text-muted-foreground">
        {hasInAppFrames ? (
          <>
            <span
              aria-hidden="true"
              className="mr-1.5 inline-block size-2 rounded-sm bg-rose-500 align-middle"
            />
            Highlighted frames are in your filter; dimmed ones belong to the executor or runtime.
          </>
        ) : (
          "No frame of this trace is in your filter: the error was raised by the executor or runtime."
        )}
      </p>
    </div>
  );
}
