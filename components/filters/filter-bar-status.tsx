import { LoaderCircle, X } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** "Clear filters" (when any are set) and the "Updating…" note while the new view loads. */
export function FilterBarStatus({
  clearHref,
  hasFilters,
  isNavigating,
}: {
  clearHref: string;
  hasFilters: boolean;
  isNavigating: boolean;
}) {
  return (
    <>
      {hasFilters ? (
        <Button
          asChild
          variant="ghost"
          size="sm"
          className="max-md:col-span-2 max-md:justify-self-start"
        >
          <Link href={clearHref} data-testid="clear-filters">
            <X aria-hidden="true" />
            Clear filters
          </Link>
        </Button>
      ) : null}
      {isNavigating ? (
        <span role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          Updating…
        </span>
      ) : null}
    </>
  );
}
