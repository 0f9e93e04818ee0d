import { StatusControls } from "@/components/error-detail/status-controls";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ErrorGroupRecord } from "@/lib/errors/query/error-group-json";

function StatusDetail({ group }: { group: ErrorGroupRecord }) {
  if (group.status === "ignored") {
    if (group.ignoredUntil) {
      return (
        <>
          Ignored until <RelativeTime date={group.ignoredUntil} />
        </>
      );
    }
    if (group.ignoredUntilCount !== null) {
      const remaining = Math.max(0, group.ignoredUntilCount - group.eventCount);
      return (
        <>
          Ignored for {remaining.toLocaleString("en-US")} more event{remaining === 1 ? "" : "s"}
        </>
      );
    }
    return <>Ignored until you reopen it</>;
  }
  if (group.status === "resolved" && group.resolvedAt) {
    return (
      <>
        Resolved <RelativeTime date={group.resolvedAt} />
      </>
    );
  }
  if (group.status === "regressed" && group.regressedAt) {
    return (
      <>
        Regressed <RelativeTime date={group.regressedAt} />
        {group.regressionCount > 1 ? ` (${group.regressionCount} times)` : null}
      </>
    );
  }
  return null;
}

export function StatusCard({ group }: { group: ErrorGroupRecord }) {
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Status</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2" data-testid="error-group-status">
          <ErrorGroupStatusBadge status={group.status} />
          <span className="text-sm text-muted-foreground">
            <StatusDetail group={group} />
          </span>
        </div>
        <StatusControls groupId={group.id} status={group.status} />
      </CardContent>
    </Card>
  );
}
