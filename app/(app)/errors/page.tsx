import type { Metadata } from "next";
import { ErrorGroupsTable } from "@/components/errors/error-groups-table";
import { ErrorsEmptyState } from "@/components/errors/errors-empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireUserPage } from "@/lib/auth/current-user";
import { defaultErrorGroupListLimit, listErrorGroups } from "@/lib/errors/list-error-groups";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Errors" };

export default async function ErrorsPage() {
  const user = await requireUserPage("/errors");
  const groups = await listErrorGroups({ userId: user.id, limit: defaultErrorGroupListLimit });
  const isTruncated = groups.length >= defaultErrorGroupListLimit;

  return (
    <>
      <PageHeader
        title="Errors"
        count={groups.length}
        countLabel={groups.length === 1 ? "error group" : "error groups"}
        description={
          isTruncated
            ? `Showing the ${defaultErrorGroupListLimit} most recently seen error groups.`
            : "Failed filter runs from your traders, grouped by cause."
        }
      />
      {groups.length === 0 ? <ErrorsEmptyState /> : <ErrorGroupsTable groups={groups} />}
    </>
  );
}
