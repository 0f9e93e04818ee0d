import { FilterX, History } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  clearInboxFilters,
  type InboxParams,
  inboxHref,
  withInboxChanges,
} from "@/lib/errors/inbox/inbox-search-params";

export type NoResultsReason = "no_match" | "end_of_list" | "stale_cursor";

const copy: Record<NoResultsReason, { title: string; description: string; action: string }> = {
  no_match: {
    title: "No error groups match these filters",
    description: "Try a wider time range or another status, or clear the filters.",
    action: "Clear filters",
  },
  end_of_list: {
    title: "Nothing more on this page",
    description: "The groups that were here have moved, most likely because new events arrived.",
    action: "Back to the first page",
  },
  stale_cursor: {
    title: "This page link is out of date",
    description: "It points into a list with another order. Start again from the first page.",
    action: "Go to the first page",
  },
};

// The list is empty for a reason other than "no errors at all": say which, and offer
// the one way back.
export function InboxNoResults({
  reason,
  params,
}: {
  reason: NoResultsReason;
  params: InboxParams;
}) {
  const { title, description, action } = copy[reason];
  const href = inboxHref(
    reason === "no_match" ? clearInboxFilters(params) : withInboxChanges(params, {}),
  );
  return (
    <EmptyState
      data-testid="inbox-no-results"
      data-reason={reason}
      icon={reason === "no_match" ? <FilterX /> : <History />}
      title={title}
      description={description}
      action={
        <Button asChild variant="outline" size="sm">
          <Link href={href} data-testid="inbox-no-results-action">
            {action}
          </Link>
        </Button>
      }
    />
  );
}
