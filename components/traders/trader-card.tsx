import Link from "next/link";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { ActiveVersion } from "@/components/traders/active-version";
import { TraderDsn } from "@/components/traders/trader-dsn";
import { TraderPauseButton } from "@/components/traders/trader-pause-button";
import { TraderStateBadge } from "@/components/traders/trader-state-badge";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TraderListItem } from "@/lib/traders/list-traders";

export function TraderCard({ trader, dsn }: { trader: TraderListItem; dsn: string }) {
  const openCount = trader._count.errorGroups;
  return (
    <Card
      className="flex min-w-0 flex-col gap-4 p-5"
      data-testid="trader-card"
      data-trader-id={trader.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 className="text-base font-semibold leading-tight">
            <Link
              href={`/traders/${trader.id}`}
              className="hover:underline focus-visible:outline-2 focus-visible:outline-ring/40"
              data-testid="trader-link"
            >
              {trader.name}
            </Link>
          </h2>
          {trader.description ? (
            <p className="text-sm text-muted-foreground">{trader.description}</p>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          <span data-testid="trader-state">
            <TraderStateBadge state={trader.state} />
          </span>
          <TraderPauseButton traderId={trader.id} traderName={trader.name} state={trader.state} />
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div className="flex flex-col gap-0.5">
          <dt className="text-xs text-muted-foreground">Active version</dt>
          <dd>
            <ActiveVersion version={trader.activeVersion} />
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-xs text-muted-foreground">Open error groups</dt>
          <dd className="font-medium tabular-nums" data-testid="open-group-count">
            {openCount}
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="text-xs text-muted-foreground">Last error</dt>
          <dd>{trader.lastErrorAt ? <RelativeTime date={trader.lastErrorAt} /> : "Never"}</dd>
        </div>
      </dl>
      {trader.errorGroups.length > 0 ? (
        <div className="flex min-w-0 flex-col gap-1.5">
          <h3 className="text-xs text-muted-foreground">Most recent open groups</h3>
          <ul className="flex min-w-0 flex-col gap-1" data-testid="trader-open-groups">
            {trader.errorGroups.map((group) => (
              <li key={group.id} className="flex min-w-0 items-center gap-2 text-sm">
                <ErrorGroupStatusBadge status={group.status} />
                <Link href={`/errors/${group.id}`} className="truncate text-link hover:underline">
                  {group.title}
                </Link>
              </li>
            ))}
          </ul>
          {openCount > trader.errorGroups.length ? (
            <Link
              href={`/traders/${trader.id}`}
              className="w-fit text-xs text-link hover:underline"
            >
              All {openCount} open groups
            </Link>
          ) : null}
        </div>
      ) : null}
      <TraderDsn dsn={dsn} />
    </Card>
  );
}
