import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ErrorGroupRecord } from "@/lib/errors/query/error-group-json";

// Counts and first/last seen, plus the symbols the group has failed on.
export function GroupFactsCard({
  group,
  eventsLast24h,
  affectedSymbols,
}: {
  group: ErrorGroupRecord;
  eventsLast24h: number;
  affectedSymbols: string[];
}) {
  const facts = [
    { label: "Events", value: group.eventCount.toLocaleString("en-US"), testId: "event-count" },
    { label: "Last 24 h", value: eventsLast24h.toLocaleString("en-US"), testId: "events-24h" },
    { label: "First seen", value: <RelativeTime date={group.firstSeenAt} />, testId: "first-seen" },
    { label: "Last seen", value: <RelativeTime date={group.lastSeenAt} />, testId: "last-seen" },
  ];
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-3">
          {facts.map((fact) => (
            <div key={fact.label} className="flex flex-col gap-0.5">
              <dt className="text-xs text-muted-foreground">{fact.label}</dt>
              <dd className="text-sm font-medium tabular-nums" data-testid={fact.testId}>
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
        <div className="flex flex-col gap-2">
          <h3 className="text-xs text-muted-foreground">Affected symbols</h3>
          {affectedSymbols.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5" data-testid="affected-symbols">
              {affectedSymbols.map((symbol) => (
                <li
                  key={symbol}
                  className="rounded-md bg-muted px-2 py-0.5 font-mono text-xs text-foreground"
                >
                  {symbol}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No symbol recorded.</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
