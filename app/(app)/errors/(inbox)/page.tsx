import type { Metadata } from "next";
import { ErrorInbox } from "@/components/errors/error-inbox";
import { ErrorInboxFilters } from "@/components/errors/error-inbox-filters";
import { ErrorsEmptyState } from "@/components/errors/errors-empty-state";
import { InboxNoResults } from "@/components/errors/inbox-no-results";
import { PageHeader } from "@/components/shell/page-header";
import { requireUserPage } from "@/lib/auth/current-user";
import { hasInboxFilters, parseInboxSearchParams } from "@/lib/errors/inbox/inbox-search-params";
import { listTraderOptions } from "@/lib/errors/inbox/list-trader-options";
import { loadErrorInbox } from "@/lib/errors/inbox/load-error-inbox";
import type { RawSearchParams } from "@/lib/http/search-param-values";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Errors" };

type ErrorsPageProps = { searchParams: Promise<RawSearchParams> };

// The inbox. Everything that decides what is listed lives in the URL, so a live
// router.refresh() re-renders this same view with fresh rows.
export default async function ErrorsPage({ searchParams }: ErrorsPageProps) {
  const user = await requireUserPage("/errors");
  const params = parseInboxSearchParams(await searchParams);
  const [inbox, traders] = await Promise.all([
    loadErrorInbox({ userId: user.id, params }),
    listTraderOptions({ userId: user.id }),
  ]);
  const isPaged = Boolean(params.after || params.before);
  const isFiltered = hasInboxFilters(params);
  const hasNoErrors = inbox.status === "ok" && inbox.rows.length === 0 && !isPaged && !isFiltered;

  return (
    <>
      <PageHeader
        title="Errors"
        description="Failed filter runs from your traders, grouped by cause."
      />
      {hasNoErrors ? (
        <ErrorsEmptyState />
      ) : (
        <>
          <ErrorInboxFilters params={params} traders={traders} />
          {inbox.status === "stale_cursor" ? (
            <InboxNoResults reason="stale_cursor" params={params} />
          ) : inbox.rows.length === 0 ? (
            <InboxNoResults reason={isPaged ? "end_of_list" : "no_match"} params={params} />
          ) : (
            <ErrorInbox
              rows={inbox.rows}
              params={params}
              prevCursor={inbox.prevCursor}
              nextCursor={inbox.nextCursor}
            />
          )}
        </>
      )}
    </>
  );
}
