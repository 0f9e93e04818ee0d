import { History } from "lucide-react";
import { RollbackVersionDialog } from "@/components/traders/rollback-version-dialog";
import { VersionHistoryCode } from "@/components/traders/version-history-code";
import type { VersionCode } from "@/components/traders/version-history-code-loader";
import {
  displayPerson,
  VersionHistoryDeployments,
} from "@/components/traders/version-history-deployments";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TraderVersionHistory, TraderVersionItem } from "@/lib/deploy/list-trader-versions";
import type { CodeSource } from "@/lib/generated/prisma/enums";

const source: Record<CodeSource, { label: string; variant: BadgeVariant }> = {
  user: { label: "Your edit", variant: "neutral" },
  ai: { label: "AI fix", variant: "accent" },
  rollback: { label: "Rollback copy", variant: "outline" },
};

const HEADING_ID = "trader-versions-heading";

function VersionCard({
  traderId,
  item,
  activeCode,
}: {
  traderId: string;
  item: TraderVersionItem;
  activeCode: VersionCode | null;
}) {
  const { label, variant } = source[item.source];
  return (
    <li>
      <Card
        className="flex min-w-0 flex-col gap-3 p-4"
        data-testid="version-item"
        data-version={item.version}
        data-active={item.isActive || undefined}
      >
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-semibold tabular-nums">v{item.version}</h3>
              {item.isActive ? (
                <Badge variant="resolved" hasDot data-testid="version-active-badge">
                  Active
                </Badge>
              ) : null}
              <Badge variant={variant}>{label}</Badge>
            </div>
            <p className="text-xs text-muted-foreground">
              by {displayPerson(item.author)} · <RelativeTime date={item.createdAt} />
              {item.parent ? <> · based on v{item.parent.version}</> : null}
            </p>
          </div>
          <RollbackVersionDialog
            traderId={traderId}
            target={{ id: item.id, version: item.version, isActive: item.isActive }}
            active={activeCode}
            focusAfterRollbackId={HEADING_ID}
          />
        </div>
        {item.note ? (
          <p className="text-sm [overflow-wrap:anywhere]" data-testid="version-note">
            {item.note}
          </p>
        ) : null}
        <VersionHistoryDeployments deployments={item.deployments} note={item.note} />
        <VersionHistoryCode
          traderId={traderId}
          versionId={item.id}
          version={item.version}
          initial={activeCode?.id === item.id ? activeCode : null}
        />
      </Card>
    </li>
  );
}

// The trader's code versions, newest first, with how each became active and a
// rollback to any other one. `activeCode` is the left side of every rollback diff.
export function VersionHistory({
  history,
  activeCode,
}: {
  history: TraderVersionHistory;
  activeCode: VersionCode | null;
}) {
  return (
    <section
      className="flex min-w-0 flex-col gap-3"
      aria-labelledby={HEADING_ID}
      data-testid="version-history"
    >
      <CardHeader className="p-0">
        <CardTitle id={HEADING_ID} tabIndex={-1} className="outline-none">
          Code versions
        </CardTitle>
      </CardHeader>
      {history.versions.length === 0 ? (
        <EmptyState
          icon={<History />}
          title="No code versions yet"
          description="Deployed code shows up here, with every rollback."
        />
      ) : (
        <ol className="flex min-w-0 flex-col gap-3">
          {history.versions.map((item) => (
            <VersionCard
              key={item.id}
              traderId={history.trader.id}
              item={item}
              activeCode={activeCode}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
