"use client";

import { ChevronRight, LoaderCircle } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { listGroupEventsAction } from "@/app/(app)/errors/[id]/actions";
import { EventInputs } from "@/components/error-detail/event-inputs";
import { ExecutionContext } from "@/components/error-detail/execution-context";
import { StackTrace } from "@/components/error-detail/stack-trace";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { GroupEventView } from "@/lib/errors/detail/to-group-event-view";
import { cn } from "@/lib/utils/cn";

function EventRow({ event }: { event: GroupEventView }) {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  return (
    <li className="border-b border-border last:border-0" data-testid="group-event">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
        className="flex w-full min-w-0 items-center gap-3 px-4 py-3 text-left text-sm transition-colors hover:bg-subtle/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring/40"
        data-testid="group-event-toggle"
      >
        <ChevronRight
          aria-hidden="true"
          className={cn(
            "size-4 shrink-0 text-muted-foreground transition-transform",
            isOpen && "rotate-90",
          )}
        />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5 sm:flex-row sm:items-center sm:gap-3">
          <span className="truncate font-medium sm:shrink-0">{event.symbol ?? "No symbol"}</span>
          <span className="truncate text-xs text-muted-foreground sm:text-sm">
            {event.errorMessage}
          </span>
        </span>
        <RelativeTime date={event.occurredAt} className="shrink-0 text-xs text-muted-foreground" />
      </button>
      {isOpen ? (
        <div
          id={panelId}
          className="flex min-w-0 flex-col gap-4 px-4 pb-4"
          data-testid="group-event-details"
        >
          <ExecutionContext event={event} />
          {event.stack ? (
            <StackTrace stack={event.stack} label="Stack trace of this event" />
          ) : null}
          <div className="flex min-w-0 flex-col gap-2">
            <h3 className="text-sm font-semibold">Inputs</h3>
            <EventInputs context={event.context} />
          </div>
        </div>
      ) : null}
    </li>
  );
}

// The group's events, newest first; "Show more" fetches the next keyset page.
export function RecentEvents({
  groupId,
  initialEvents,
  initialCursor,
}: {
  groupId: string;
  initialEvents: GroupEventView[];
  initialCursor: string | null;
}) {
  const [events, setEvents] = useState(initialEvents);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function showMore() {
    if (!cursor) return;
    setError(null);
    startTransition(async () => {
      const result = await listGroupEventsAction({ groupId, cursor });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      // A status change re-renders the page meanwhile; never list an event twice.
      setEvents((current) => {
        const seen = new Set(current.map((event) => event.id));
        return [...current, ...result.data.events.filter((event) => !seen.has(event.id))];
      });
      setCursor(result.data.nextCursor);
    });
  }

  if (events.length === 0) {
    return <p className="px-4 pb-4 text-sm text-muted-foreground">No events recorded.</p>;
  }
  return (
    <div className="flex flex-col">
      <ul className="border-t border-border">
        {events.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </ul>
      {error ? (
        <p role="alert" className="px-4 pt-3 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <div className="border-t border-border p-3">
          <Button
            variant="outline"
            size="sm"
            className="w-full"
            onClick={showMore}
            disabled={isPending}
            aria-busy={isPending || undefined}
            data-testid="show-more-events"
          >
            {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
            Show more events
          </Button>
        </div>
      ) : null}
    </div>
  );
}
