import {
  countGroupOccurrences,
  type OccurrenceBucket,
  type OccurrenceRange,
} from "@/lib/errors/detail/count-group-occurrences";
import {
  type GroupActivityWithActor,
  listGroupActivity,
} from "@/lib/errors/detail/list-group-activity";
import { type EventCode, resolveEventCode } from "@/lib/errors/detail/resolve-event-code";
import { type GroupEventView, toGroupEventView } from "@/lib/errors/detail/to-group-event-view";
import type { ErrorGroupRecord } from "@/lib/errors/query/error-group-json";
import { getErrorGroupDetail } from "@/lib/errors/query/get-error-group-detail";
import { listGroupEventsPage } from "@/lib/errors/query/list-group-events-page";

export const RECENT_EVENTS_PAGE_SIZE = 10;

export type ErrorDetail = {
  group: ErrorGroupRecord;
  latestEvent: GroupEventView | null;
  // The code the latest event ran, when the executor told us which.
  latestEventCode: EventCode | null;
  eventsLast24h: number;
  affectedSymbols: string[];
  occurrences: Record<OccurrenceRange, OccurrenceBucket[]>;
  activity: GroupActivityWithActor[];
  recentEvents: { events: GroupEventView[]; nextCursor: string | null };
};

// Everything the error detail page shows. Another user's group (or a malformed id)
// throws not_found from the first, tenant-scoped read, before anything else runs.
export async function loadErrorDetail({
  id,
  userId,
  now = new Date(),
}: {
  id: string;
  userId: string;
  now?: Date;
}): Promise<ErrorDetail> {
  const detail = await getErrorGroupDetail({ id, userId, now });
  const groupId = detail.group.id;
  const [hourly, daily, activity, recent, latestEventCode] = await Promise.all([
    countGroupOccurrences({ groupId, userId, range: "48h", now }),
    countGroupOccurrences({ groupId, userId, range: "30d", now }),
    listGroupActivity({ groupId, userId }),
    listGroupEventsPage({ groupId, userId, limit: RECENT_EVENTS_PAGE_SIZE }),
    detail.latestEvent ? resolveEventCode({ userId, event: detail.latestEvent }) : null,
  ]);
  return {
    group: detail.group,
    latestEvent: detail.latestEvent ? toGroupEventView(detail.latestEvent) : null,
    latestEventCode,
    eventsLast24h: detail.eventsLast24h,
    affectedSymbols: detail.affectedSymbols,
    occurrences: { "48h": hourly, "30d": daily },
    activity,
    recentEvents: { events: recent.events.map(toGroupEventView), nextCursor: recent.nextCursor },
  };
}
