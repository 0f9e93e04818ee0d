import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { ErrorTypeBadge } from "@/components/errors/error-type-badge";
import type { ErrorGroupRecord } from "@/lib/errors/query/error-group-json";

export function ErrorDetailHeader({ group }: { group: ErrorGroupRecord }) {
  return (
    <div className="mb-6 flex min-w-0 flex-col gap-3">
      <Link
        href="/errors"
        className="inline-flex w-fit items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring/40"
      >
        <ChevronLeft aria-hidden="true" className="size-4" />
        Errors
      </Link>
      <h1
        className="text-xl font-semibold tracking-tight text-foreground [overflow-wrap:anywhere]"
        data-testid="error-detail-title"
      >
        {group.title}
      </h1>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-muted-foreground">
        <ErrorTypeBadge errorType={group.errorType} />
        <Link
          href={`/traders/${group.trader.id}`}
          className="font-medium text-link hover:underline"
        >
          {group.trader.name}
        </Link>
        {group.culprit ? (
          <span className="font-mono text-xs [overflow-wrap:anywhere]">{group.culprit}</span>
        ) : null}
        <span className="font-mono text-xs" title="Error hash">
          {group.errorHash}
        </span>
      </div>
    </div>
  );
}
