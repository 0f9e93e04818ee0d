import type {
  ErrorEventJson,
  ErrorGroupJson,
  GroupActivityJson,
} from "@/lib/errors/query/response-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

// What the API reads for a group; fingerprint and grouping internals stay private.
export const errorGroupSelect = {
  id: true,
  traderId: true,
  trader: { select: { id: true, name: true } },
  errorType: true,
  title: true,
  culprit: true,
  errorHash: true,
  status: true,
  eventCount: true,
  firstSeenAt: true,
  lastSeenAt: true,
  resolvedAt: true,
  regressedAt: true,
  regressionCount: true,
  ignoredUntil: true,
  ignoredUntilCount: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ErrorGroupSelect;
export type ErrorGroupRecord = Prisma.ErrorGroupGetPayload<{ select: typeof errorGroupSelect }>;

// payload_hash is an ingest detail and never leaves the server.
export const errorEventSelect = {
  id: true,
  idempotencyKey: true,
  groupId: true,
  traderId: true,
  source: true,
  errorType: true,
  errorMessage: true,
  stackTrace: true,
  triggerInterval: true,
  symbolsProcessed: true,
  executionDurationMs: true,
  codeVersionId: true,
  filterCodeSnapshot: true,
  context: true,
  errorHash: true,
  occurredAt: true,
  receivedAt: true,
} as const satisfies Prisma.ErrorEventSelect;
export type ErrorEventRecord = Prisma.ErrorEventGetPayload<{ select: typeof errorEventSelect }>;

export const groupActivitySelect = {
  id: true,
  kind: true,
  actorKind: true,
  actorUserId: true,
  fromStatus: true,
  toStatus: true,
  note: true,
  createdAt: true,
} as const satisfies Prisma.GroupActivitySelect;
export type GroupActivityRecord = Prisma.GroupActivityGetPayload<{
  select: typeof groupActivitySelect;
}>;

// Ingest only stores JSON objects (or SQL NULL) in context; anything else is not ours to show.
function toContextJson(context: Prisma.JsonValue): Prisma.JsonObject | null {
  return typeof context === "object" && context !== null && !Array.isArray(context)
    ? context
    : null;
}

const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

export function toErrorGroupJson(group: ErrorGroupRecord): ErrorGroupJson {
  return {
    id: group.id,
    trader_id: group.traderId,
    trader: { id: group.trader.id, name: group.trader.name },
    error_type: group.errorType,
    title: group.title,
    culprit: group.culprit,
    error_hash: group.errorHash,
    status: group.status,
    event_count: group.eventCount,
    first_seen_at: group.firstSeenAt.toISOString(),
    last_seen_at: group.lastSeenAt.toISOString(),
    resolved_at: isoOrNull(group.resolvedAt),
    regressed_at: isoOrNull(group.regressedAt),
    regression_count: group.regressionCount,
    ignored_until: isoOrNull(group.ignoredUntil),
    ignored_until_count: group.ignoredUntilCount,
    created_at: group.createdAt.toISOString(),
    updated_at: group.updatedAt.toISOString(),
  };
}

export function toErrorEventJson(event: ErrorEventRecord): ErrorEventJson {
  return {
    id: event.id,
    event_id: event.idempotencyKey,
    group_id: event.groupId,
    trader_id: event.traderId,
    source: event.source,
    error_type: event.errorType,
    error_message: event.errorMessage,
    stack_trace: event.stackTrace,
    trigger_interval: event.triggerInterval,
    symbols_processed: event.symbolsProcessed,
    execution_duration_ms: event.executionDurationMs,
    code_version_id: event.codeVersionId,
    filter_code_snapshot: event.filterCodeSnapshot,
    context: toContextJson(event.context),
    error_hash: event.errorHash,
    occurred_at: event.occurredAt.toISOString(),
    received_at: event.receivedAt.toISOString(),
  };
}

export function toGroupActivityJson(activity: GroupActivityRecord): GroupActivityJson {
  return {
    id: activity.id,
    kind: activity.kind,
    actor_kind: activity.actorKind,
    actor_user_id: activity.actorUserId,
    from_status: activity.fromStatus,
    to_status: activity.toStatus,
    note: activity.note,
    created_at: activity.createdAt.toISOString(),
  };
}
