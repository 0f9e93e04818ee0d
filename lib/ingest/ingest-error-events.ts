import { createHash, randomUUID } from "node:crypto";
import type { IngestPrincipal } from "@/lib/api-keys/authenticate-api-key";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventSource } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import type { ErrorEventInput } from "@/lib/ingest/error-event-schema";
import { computeFingerprint, GROUPING_VERSION, shortErrorHash } from "@/lib/ingest/fingerprint";

export type IngestedEvent = {
  eventId: string;
  id: string;
  groupId: string;
  errorHash: string;
  isNewGroup: boolean;
  isReplay: boolean;
};

type TransactionClient = Prisma.TransactionClient;

function payloadHashOf(event: ErrorEventInput): string {
  return createHash("sha256").update(JSON.stringify(event)).digest("hex");
}

function titleOf(event: ErrorEventInput): string {
  const firstLine = event.error_message.split("\n", 1)[0] ?? event.error_message;
  return firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine;
}

async function resolveTraderId(
  tx: TransactionClient,
  principal: IngestPrincipal,
  event: ErrorEventInput,
) {
  const traderId = event.trader_id ?? principal.traderId;
  if (!traderId) {
    throw new AppError(
      "validation_failed",
      "trader_id is required for keys not scoped to a trader.",
      [{ path: "trader_id", message: "Required" }],
    );
  }
  if (principal.traderId && principal.traderId !== traderId) {
    throw new AppError("forbidden", "This API key is scoped to another trader.");
  }
  const trader = await tx.trader.findFirst({
    where: { id: traderId, userId: principal.userId },
    select: { id: true },
  });
  if (!trader) throw new AppError("not_found", `Trader ${traderId} does not exist.`);
  return traderId;
}

async function findReplay(
  tx: TransactionClient,
  userId: string,
  eventId: string,
  payloadHash: string,
) {
  const existing = await tx.errorEvent.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: eventId } },
    select: { id: true, groupId: true, errorHash: true, payloadHash: true },
  });
  if (!existing) return null;
  if (existing.payloadHash !== payloadHash) {
    throw new AppError(
      "idempotency_mismatch",
      `event_id ${eventId} was already used for a different payload.`,
    );
  }
  return existing;
}

async function ingestOne(
  tx: TransactionClient,
  principal: IngestPrincipal,
  event: ErrorEventInput,
  source: EventSource,
) {
  const eventId = event.event_id ?? randomUUID();
  const payloadHash = payloadHashOf(event);
  const replay = await findReplay(tx, principal.userId, eventId, payloadHash);
  if (replay) {
    return {
      eventId,
      id: replay.id,
      groupId: replay.groupId,
      errorHash: replay.errorHash,
      isNewGroup: false,
      isReplay: true,
    };
  }

  const traderId = await resolveTraderId(tx, principal, event);
  const fingerprint = computeFingerprint({
    traderId,
    errorType: event.error_type,
    message: event.error_message,
    clientFingerprint: event.fingerprint,
  });
  const errorHash = shortErrorHash(fingerprint);
  const occurredAt = event.occurred_at ? new Date(event.occurred_at) : new Date();

  const existingGroup = await tx.errorGroup.findUnique({
    where: { traderId_fingerprint: { traderId, fingerprint } },
    select: { id: true },
  });
  const group = await tx.errorGroup.upsert({
    where: { traderId_fingerprint: { traderId, fingerprint } },
    create: {
      userId: principal.userId,
      traderId,
      fingerprint,
      groupingVersion: GROUPING_VERSION,
      errorType: event.error_type,
      title: titleOf(event),
      errorHash,
      eventCount: 1,
      firstSeenAt: occurredAt,
      lastSeenAt: occurredAt,
      activities: { create: { actorKind: "system", kind: "created", toStatus: "unresolved" } },
    },
    update: { eventCount: { increment: 1 }, lastSeenAt: occurredAt },
    select: { id: true },
  });

  const created = await tx.errorEvent.create({
    data: {
      userId: principal.userId,
      traderId,
      groupId: group.id,
      idempotencyKey: eventId,
      payloadHash,
      source,
      errorType: event.error_type,
      errorMessage: event.error_message,
      stackTrace: event.stack_trace,
      triggerInterval: event.trigger_interval,
      symbolsProcessed: event.symbols_processed,
      executionDurationMs: event.execution_duration_ms,
      codeVersionId: event.code_version_id,
      filterCodeSnapshot: event.filter_code_snapshot,
      context: event.context ?? Prisma.DbNull,
      errorHash,
      occurredAt,
    },
    select: { id: true },
  });
  await tx.trader.update({
    where: { id: traderId },
    data: { state: "error", lastErrorAt: occurredAt },
  });

  return {
    eventId,
    id: created.id,
    groupId: group.id,
    errorHash,
    isNewGroup: !existingGroup,
    isReplay: false,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// All events of a request commit together, before the caller answers 2xx. A unique
// violation means a concurrent request stored the same event_id first: the retry
// then finds it and answers it as a replay.
export async function ingestErrorEvents(
  db: Db,
  {
    principal,
    events,
    source = "api",
  }: { principal: IngestPrincipal; events: ErrorEventInput[]; source?: EventSource },
): Promise<IngestedEvent[]> {
  const run = () =>
    db.$transaction(async (tx) => {
      const results: IngestedEvent[] = [];
      for (const event of events) results.push(await ingestOne(tx, principal, event, source));
      return results;
    });
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}
