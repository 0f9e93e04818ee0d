import { CalendarClock, ChevronLeft, PartyPopper } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActiveVersion } from "@/components/traders/active-version";
import { AutoRollbackSwitch } from "@/components/traders/auto-rollback-switch";
import { TraderDsn } from "@/components/traders/trader-dsn";
import { TraderGroupsTable } from "@/components/traders/trader-groups-table";
import { TraderPauseButton } from "@/components/traders/trader-pause-button";
import { TraderStateBadge } from "@/components/traders/trader-state-badge";
import { VersionHistory } from "@/components/traders/version-history";
import { WorkflowSchedules } from "@/components/traders/workflow-schedules";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUserPage } from "@/lib/auth/current-user";
import { getTraderVersion } from "@/lib/deploy/get-trader-version";
import { listTraderVersions } from "@/lib/deploy/list-trader-versions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { getAiSettings } from "@/lib/regeneration/ai-settings";
import { formatTraderDsn } from "@/lib/sentry/format-dsn";
import { getTraderDetail, TRADER_GROUPS_LIMIT } from "@/lib/traders/get-trader-detail";
import { listTraderSchedules } from "@/lib/workflows/list-trader-schedules";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Trader" };

type TraderPageProps = { params: Promise<{ id: string }> };

async function loadOrNotFound(id: string, userId: string) {
  try {
    return await getTraderDetail({ id, userId });
  } catch (error) {
    // Someone else's trader looks exactly like a missing one.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

// The history, plus the active version's code: every rollback dialog diffs against it.
async function loadVersions(traderId: string, userId: string) {
  const history = await listTraderVersions({ userId, traderId });
  const activeVersionId = history.trader.activeVersionId;
  const active = activeVersionId
    ? await getTraderVersion({ userId, traderId, versionId: activeVersionId })
    : null;
  const activeCode = active ? { id: active.id, version: active.version, code: active.code } : null;
  return { history, activeCode };
}

export default async function TraderPage({ params }: TraderPageProps) {
  const { id } = await params;
  const user = await requireUserPage(`/traders/${id}`);
  const trader = await loadOrNotFound(id, user.id);
  const groupCount = trader._count.errorGroups;
  const [versions, schedules, aiSettings] = await Promise.all([
    loadVersions(trader.id, user.id),
    listTraderSchedules({ userId: user.id, traderId: trader.id }),
    getAiSettings({ userId: user.id }),
  ]);

  return (
    <>
      <div className="mb-6 flex min-w-0 flex-col gap-3">
        <Link
          href="/traders"
          className="inline-flex w-fit items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring/40"
        >
          <ChevronLeft aria-hidden="true" className="size-4" />
          Traders
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex min-w-0 flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere]">
              {trader.name}
            </h1>
            <span data-testid="trader-state">
              <TraderStateBadge state={trader.state} />
            </span>
          </div>
          <TraderPauseButton traderId={trader.id} traderName={trader.name} state={trader.state} />
        </div>
        {trader.description ? (
          <p className="text-sm text-muted-foreground">{trader.description}</p>
        ) : null}
      </div>
      <div className="flex min-w-0 flex-col gap-6">
        <Card>
          <CardContent className="flex flex-col gap-5 pt-6">
            <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
              <div className="flex flex-col gap-0.5">
                <dt className="text-xs text-muted-foreground">Active version</dt>
                <dd>
                  <ActiveVersion version={trader.activeVersion} />
                </dd>
              </div>
              <div className="flex flex-col gap-0.5">
                <dt className="text-xs text-muted-foreground">Open error groups</dt>
                <dd className="font-medium tabular-nums" data-testid="open-group-count">
                  {trader.openGroupCount}
                </dd>
              </div>
              <div className="flex flex-col gap-0.5">
                <dt className="text-xs text-muted-foreground">Last error</dt>
                <dd>{trader.lastErrorAt ? <RelativeTime date={trader.lastErrorAt} /> : "Never"}</dd>
              </div>
            </dl>
            <TraderDsn dsn={formatTraderDsn(trader, env.APP_URL)} />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-6">
            <AutoRollbackSwitch
              traderId={trader.id}
              isEnabled={trader.autoRollback}
              watchMinutes={aiSettings.watchMinutes}
            />
          </CardContent>
        </Card>
        <VersionHistory history={versions.history} activeCode={versions.activeCode} />
        <section className="flex min-w-0 flex-col gap-3" aria-labelledby="trader-schedules-heading">
          <CardHeader className="p-0">
            <CardTitle id="trader-schedules-heading">Workflow schedules</CardTitle>
          </CardHeader>
          {schedules.length === 0 ? (
            <EmptyState
              icon={<CalendarClock />}
              title="No schedules yet"
              description="An executor creates them when it starts running this trader."
            />
          ) : (
            <WorkflowSchedules schedules={schedules} />
          )}
        </section>
        <section className="flex min-w-0 flex-col gap-3" aria-labelledby="trader-groups-heading">
          <CardHeader className="p-0">
            <CardTitle id="trader-groups-heading">Error groups</CardTitle>
            {groupCount > TRADER_GROUPS_LIMIT ? (
              <p className="text-sm text-muted-foreground">
                The {TRADER_GROUPS_LIMIT} most recently seen of {groupCount}.
              </p>
            ) : null}
          </CardHeader>
          {trader.errorGroups.length === 0 ? (
            <EmptyState
              icon={<PartyPopper />}
              title="No errors from this trader"
              description="Failed runs it reports will be grouped here."
            />
          ) : (
            <TraderGroupsTable groups={trader.errorGroups} />
          )}
        </section>
      </div>
    </>
  );
}
