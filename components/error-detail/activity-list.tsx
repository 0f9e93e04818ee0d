import { ArrowRight } from "lucide-react";
import { ErrorGroupStatusBadge } from "@/components/errors/error-group-status-badge";
import { RelativeTime } from "@/components/ui/relative-time";
import {
  describeActivityActor,
  type GroupActivityWithActor,
} from "@/lib/errors/detail/list-group-activity";
import type { ActivityKind } from "@/lib/generated/prisma/enums";

const activityVerb: Record<ActivityKind, string> = {
  created: "first saw this error",
  status_changed: "changed the status",
  regressed: "marked it regressed",
  comment: "commented",
  fix_proposed: "proposed a fix",
  fix_deployed: "deployed a fix",
  rolled_back: "rolled back a fix",
};

// Who did what to the group, newest first.
export function ActivityList({ activity }: { activity: GroupActivityWithActor[] }) {
  if (activity.length === 0) {
    return <p className="text-sm text-muted-foreground">No activity yet.</p>;
  }
  return (
    <ol className="flex flex-col" data-testid="activity-list">
      {activity.map((entry) => {
        const actor = describeActivityActor(entry);
        return (
          <li
            key={entry.id}
            className="flex flex-col gap-1.5 border-b border-border py-3 first:pt-0 last:border-0 last:pb-0"
            data-testid="activity-entry"
            data-kind={entry.kind}
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span
                className={
                  entry.actorKind === "system" ? "font-mono text-muted-foreground" : "font-medium"
                }
              >
                {actor}
              </span>
              <span className="text-muted-foreground">{activityVerb[entry.kind]}</span>
              {entry.fromStatus && entry.toStatus ? (
                <span className="inline-flex items-center gap-1.5">
                  <ErrorGroupStatusBadge status={entry.fromStatus} />
                  <ArrowRight aria-hidden="true" className="size-3.5 text-muted-foreground" />
                  <span className="sr-only">to</span>
                  <ErrorGroupStatusBadge status={entry.toStatus} />
                </span>
              ) : entry.toStatus ? (
                <ErrorGroupStatusBadge status={entry.toStatus} />
              ) : null}
              <RelativeTime
                date={entry.createdAt}
                className="ml-auto text-xs text-muted-foreground"
              />
            </div>
            {entry.note ? (
              <blockquote className="break-words border-l-2 border-border pl-3 text-sm whitespace-pre-line">
                {entry.note}
              </blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
