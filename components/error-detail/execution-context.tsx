import type { GroupEventView } from "@/lib/errors/detail/to-group-event-view";

const numberFormat = new Intl.NumberFormat("en-US");

function formatOptional(value: number | string | null, unit = ""): string {
  if (value === null) return "—";
  return typeof value === "number" ? `${numberFormat.format(value)}${unit}` : value;
}

// The run that failed: what triggered it, how much it did and how long it took.
export function ExecutionContext({
  event,
}: {
  event: Pick<GroupEventView, "triggerInterval" | "symbolsProcessed" | "executionDurationMs">;
}) {
  const items = [
    { label: "Trigger interval", value: formatOptional(event.triggerInterval) },
    { label: "Symbols processed", value: formatOptional(event.symbolsProcessed) },
    { label: "Duration", value: formatOptional(event.executionDurationMs, " ms") },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3" data-testid="execution-context">
      {items.map((item) => (
        <div key={item.label} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd className="truncate font-mono text-sm tabular-nums">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
