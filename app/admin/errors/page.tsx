import { CircleCheck, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorsByTypeChart } from "@/components/admin/errors-by-type-chart";
import { SystemErrorFilters } from "@/components/admin/system-error-filters";
import { SystemErrorStatsCards } from "@/components/admin/system-error-stats-cards";
import { SystemErrorsTable } from "@/components/admin/system-errors-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listSystemErrorTypes } from "@/lib/admin/list-system-error-types";
import { toSystemErrorRow } from "@/lib/admin/system-error-row";
import {
  emptySystemErrorParams,
  hasSystemErrorFilters,
  parseSystemErrorParams,
  SYSTEM_ERROR_PAGE_SIZE,
  systemErrorsHref,
} from "@/lib/admin/system-error-search-params";
import { requireAdminPage } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";
import type { RawSearchParams } from "@/lib/http/search-param-values";
import { getSystemErrorStats } from "@/lib/system-errors/get-system-error-stats";
import { listSystemErrors, type SystemErrorPage } from "@/lib/system-errors/list-system-errors";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "System errors" };

type AdminSystemErrorsPageProps = { searchParams: Promise<RawSearchParams> };

// A cursor from an old link (or hand-edited) is refused by the list: show the way back
// instead of an error page.
async function listOrStale(
  load: () => Promise<SystemErrorPage>,
): Promise<SystemErrorPage | "stale_cursor"> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed") return "stale_cursor";
    throw error;
  }
}

// GET /admin/errors – Faultline's own failures (not traders'): totals, a chart by type
// and the filtered list, with single and bulk resolve.
export default async function AdminSystemErrorsPage({ searchParams }: AdminSystemErrorsPageProps) {
  const user = await requireAdminPage();
  const params = parseSystemErrorParams(await searchParams);
  const [stats, errorTypes, page] = await Promise.all([
    getSystemErrorStats({ userId: user.id }),
    listSystemErrorTypes({ userId: user.id }),
    listOrStale(() =>
      listSystemErrors({
        userId: user.id,
        severities: params.severity,
        errorType: params.type,
        component: params.component,
        isUnresolvedOnly: params.unresolved,
        since: params.since ? new Date(params.since) : undefined,
        until: params.until ? new Date(params.until) : undefined,
        cursor: params.cursor,
        limit: SYSTEM_ERROR_PAGE_SIZE,
      }),
    ),
  ]);
  const hasNoErrors = stats.total === 0;

  return (
    <>
      <PageHeader
        title="System errors"
        description="Failures inside Faultline itself: jobs, email, AI, ingest, deploys."
      />
      <SystemErrorStatsCards counts={stats} />
      {hasNoErrors ? (
        <EmptyState
          data-testid="system-errors-empty-state"
          icon={<CircleCheck />}
          title="No system errors"
          description="Failures inside Faultline itself are recorded here."
        />
      ) : (
        <>
          <Card className="mb-6">
            <CardHeader>
              <CardTitle>Errors by type</CardTitle>
            </CardHeader>
            <CardContent>
              <ErrorsByTypeChart days={stats.byTypePerDay} />
            </CardContent>
          </Card>
          <SystemErrorFilters params={params} errorTypes={errorTypes} />
          {page === "stale_cursor" || page.systemErrors.length === 0 ? (
            <EmptyState
              data-testid="system-errors-no-results"
              icon={<SearchX />}
              title={
                page === "stale_cursor" ? "This page link has expired" : "No system errors match"
              }
              description={
                page === "stale_cursor"
                  ? "Start again from the newest errors."
                  : params.cursor
                    ? "There are no older errors."
                    : "Try other filters."
              }
              action={
                <Button asChild variant="outline" size="sm">
                  <Link
                    href={systemErrorsHref(
                      hasSystemErrorFilters(params) && page !== "stale_cursor"
                        ? emptySystemErrorParams
                        : { ...params, cursor: undefined },
                    )}
                  >
                    {hasSystemErrorFilters(params) && page !== "stale_cursor"
                      ? "Clear filters"
                      : "Newest errors"}
                  </Link>
                </Button>
              }
            />
          ) : (
            <SystemErrorsTable
              rows={page.systemErrors.map(toSystemErrorRow)}
              params={params}
              nextCursor={page.nextCursor}
            />
          )}
        </>
      )}
    </>
  );
}
