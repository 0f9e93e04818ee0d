"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { KeyboardHelp } from "@/components/errors/keyboard-help";
import { pageLinkLabels } from "@/components/errors/page-link-labels";
import { useInboxNavigation } from "@/components/errors/use-inbox-navigation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import {
  INBOX_PAGE_SIZES,
  type InboxParams,
  inboxHref,
  withInboxChanges,
} from "@/lib/errors/inbox/inbox-search-params";

type InboxFooterProps = {
  params: InboxParams;
  prevCursor: string | null;
  nextCursor: string | null;
};

function PageLink({
  href,
  label,
  direction,
  testId,
}: {
  href: string | null;
  label: string;
  direction: "previous" | "next";
  testId: string;
}) {
  const icon =
    direction === "previous" ? (
      <ChevronLeft aria-hidden="true" />
    ) : (
      <ChevronRight aria-hidden="true" />
    );
  if (!href) {
    return (
      <Button variant="outline" size="sm" disabled data-testid={testId}>
        {direction === "previous" ? icon : null}
        {label}
        {direction === "next" ? icon : null}
      </Button>
    );
  }
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href} rel={direction === "previous" ? "prev" : "next"} data-testid={testId}>
        {direction === "previous" ? icon : null}
        {label}
        {direction === "next" ? icon : null}
      </Link>
    </Button>
  );
}

export function InboxFooter({ params, prevCursor, nextCursor }: InboxFooterProps) {
  const pageSizeId = useId();
  const { navigate } = useInboxNavigation();
  const labels = pageLinkLabels(params);
  // A hand-written limit (still capped by the server) is shown rather than misreported.
  const pageSizes = [...new Set<number>([...INBOX_PAGE_SIZES, params.limit])].sort((a, b) => a - b);

  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
      <KeyboardHelp />
      <nav aria-label="Pages" className="ml-auto flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-2">
          <label htmlFor={pageSizeId} className="text-xs text-muted-foreground">
            Per page
          </label>
          <div className="w-20">
            <Select
              id={pageSizeId}
              data-testid="page-size"
              value={String(params.limit)}
              onChange={(event) =>
                navigate(withInboxChanges(params, { limit: Number(event.target.value) }))
              }
              className="h-8"
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <PageLink
          direction="previous"
          label={labels.previous}
          testId="previous-page"
          href={prevCursor ? inboxHref({ ...params, after: undefined, before: prevCursor }) : null}
        />
        <PageLink
          direction="next"
          label={labels.next}
          testId="next-page"
          href={nextCursor ? inboxHref({ ...params, before: undefined, after: nextCursor }) : null}
        />
      </nav>
    </div>
  );
}
