import { Card } from "@/components/ui/card";
import type { SystemErrorCounts } from "@/lib/system-errors/count-system-errors";
import { cn } from "@/lib/utils/cn";

const cards: {
  key: keyof SystemErrorCounts;
  label: string;
  hint: string;
  // Highlighted only while the number is above zero: a calm console at rest.
  alertClassName?: string;
}[] = [
  { key: "total", label: "Total", hint: "Stored system errors" },
  {
    key: "unresolved",
    label: "Unresolved",
    hint: "Waiting for an admin",
    alertClassName: "text-amber-700 dark:text-amber-300",
  },
  { key: "last24h", label: "Last 24 h", hint: "Logged since yesterday" },
  {
    key: "criticalUnresolved",
    label: "Critical",
    hint: "Critical and unresolved",
    alertClassName: "text-red-700 dark:text-red-300",
  },
];

export function SystemErrorStatsCards({ counts }: { counts: SystemErrorCounts }) {
  return (
    <section aria-label="System error totals" className="mb-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {cards.map((card) => {
          const value = counts[card.key];
          return (
            <Card
              key={card.key}
              className="flex flex-col gap-1 p-4"
              data-testid={`stat-${card.key}`}
            >
              <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
                {card.label}
              </dt>
              <dd
                className={cn(
                  "text-2xl font-semibold tabular-nums",
                  value > 0 && card.alertClassName,
                )}
                data-testid={`stat-${card.key}-value`}
              >
                {value.toLocaleString("en-US")}
              </dd>
              <dd className="text-xs text-muted-foreground">{card.hint}</dd>
            </Card>
          );
        })}
      </dl>
    </section>
  );
}
