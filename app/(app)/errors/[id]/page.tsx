import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/error-detail/activity-list";
import { ErrorDetailHeader } from "@/components/error-detail/error-detail-header";
import { ExecutionContext } from "@/components/error-detail/execution-context";
import { FailingCodeCard } from "@/components/error-detail/failing-code-card";
import { GroupFactsCard } from "@/components/error-detail/group-facts-card";
import { OccurrencesCard } from "@/components/error-detail/occurrences-card";
import { RecentEvents } from "@/components/error-detail/recent-events";
import { StackTrace } from "@/components/error-detail/stack-trace";
import { StatusCard } from "@/components/error-detail/status-card";
import { FixReviewProvider } from "@/components/recovery/fix-review-context";
import { FixWorkspace } from "@/components/recovery/fix-workspace";
import { RecoveryPanel } from "@/components/recovery/recovery-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUserPage } from "@/lib/auth/current-user";
import { loadErrorDetail } from "@/lib/errors/detail/load-error-detail";
import { AppError } from "@/lib/http/app-error";
import { getGroupRecovery } from "@/lib/regeneration/get-group-recovery";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Error group" };

type ErrorDetailPageProps = { params: Promise<{ id: string }> };

async function loadOrNotFound(id: string, userId: string) {
  try {
    return await Promise.all([
      loadErrorDetail({ id, userId }),
      getGroupRecovery({ userId, groupId: id }),
    ]);
  } catch (error) {
    // Someone else's group looks exactly like a missing one.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ErrorDetailPage({ params }: ErrorDetailPageProps) {
  const { id } = await params;
  const user = await requireUserPage(`/errors/${id}`);
  const [detail, recovery] = await loadOrNotFound(id, user.id);
  const { group, latestEvent } = detail;

  return (
    <>
      <ErrorDetailHeader group={group} />
      <FixReviewProvider>
        <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <aside className="flex min-w-0 flex-col gap-6 lg:col-start-2 lg:row-start-1">
            <StatusCard group={group} />
            <RecoveryPanel recovery={recovery} />
            <GroupFactsCard
              group={group}
              eventsLast24h={detail.eventsLast24h}
              affectedSymbols={detail.affectedSymbols}
            />
          </aside>
          <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-start-1">
            <FixWorkspace recovery={recovery} />
            <Card>
              <CardHeader className="pb-3">
                <CardTitle>Latest event</CardTitle>
                {latestEvent ? (
                  <CardDescription>
                    <RelativeTime date={latestEvent.occurredAt} />
                    {latestEvent.symbol ? ` on ${latestEvent.symbol}` : null}
                  </CardDescription>
                ) : null}
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                {latestEvent ? (
                  <>
                    <p className="font-mono text-sm [overflow-wrap:anywhere]">
                      {latestEvent.errorMessage}
                    </p>
                    <ExecutionContext event={latestEvent} />
                    {latestEvent.stack ? (
                      <StackTrace
                        stack={latestEvent.stack}
                        label="Stack trace of the latest event"
                      />
                    ) : (
                      <p className="text-sm text-muted-foreground">No stack trace was sent.</p>
                    )}
                  </>
                ) : (
                  <p className="text-sm text-muted-foreground">No events recorded.</p>
                )}
              </CardContent>
            </Card>
            <FailingCodeCard code={detail.latestEventCode} stack={latestEvent?.stack ?? null} />
            <OccurrencesCard occurrences={detail.occurrences} />
            <Card>
              <CardHeader className="pb-3">
                <CardTitle>Recent events</CardTitle>
                <CardDescription>Expand an event to see the inputs it ran with.</CardDescription>
              </CardHeader>
              <RecentEvents
                groupId={group.id}
                initialEvents={detail.recentEvents.events}
                initialCursor={detail.recentEvents.nextCursor}
              />
            </Card>
            <Card>
              <CardHeader className="pb-3">
                <CardTitle>Activity</CardTitle>
              </CardHeader>
              <CardContent>
                <ActivityList activity={detail.activity} />
              </CardContent>
            </Card>
          </div>
        </div>
      </FixReviewProvider>
    </>
  );
}
