import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttemptTrigger, ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { findBaseVersionId } from "@/lib/regeneration/find-base-version";
import {
  assertAiFixesEnabled,
  assertRegenerationAllowed,
  occurrenceStart,
} from "@/lib/regeneration/regeneration-policy";
import { failStuckAttempts, isAttemptStuck } from "@/lib/regeneration/stuck-attempts";

export type RequestRegenerationOptions = {
  userId: string;
  groupId: string;
  trigger: AttemptTrigger;
  triggeredById?: string | null;
  now?: Date;
};

const attemptSelect = {
  id: true,
  groupId: true,
  traderId: true,
  baseVersionId: true,
  trigger: true,
  status: true,
  createdAt: true,
} as const satisfies Prisma.RegenerationAttemptSelect;

type LockedGroup = { traderId: string; status: ErrorGroupStatus; regressedAt: Date | null };

// Automatic attempts are for open problems only: once per occurrence (a regression
// starts a new one), never for a group a user resolved, muted or already got a fix for.
const autoStatuses: readonly ErrorGroupStatus[] = ["unresolved", "regressed"];

const groupIdSchema = z.guid();

// Queues a fix attempt for an error group and, in the same transaction, the job that
// runs it (`regeneration.run`). One attempt in flight per group: while one is queued
// or running, it is returned instead of a second one (created: false); so is the
// occurrence's earlier attempt for an automatic request. Refusals are AppErrors: the
// operator's switch (503), the per-error limit (409), cooldown and daily caps (429
// with retryAfterSeconds). Tenant-scoped: another user's group, a missing one and a
// malformed id all answer not_found.
export async function requestRegeneration({
  userId,
  groupId,
  trigger,
  triggeredById = null,
  now = new Date(),
}: RequestRegenerationOptions) {
  if (!userId) throw new AppError("unauthorized", "Sign in to request a fix.");
  assertAiFixesEnabled();
  const notFound = new AppError("not_found", "This error group does not exist.");
  if (!groupIdSchema.safeParse(groupId).success) throw notFound;

  return getDb().$transaction(async (tx) => {
    // The row lock serializes concurrent requests for one group, so two clicks
    // (or a click racing the auto policy) cannot both create an attempt.
    const locked = await tx.$queryRaw<LockedGroup[]>`
      SELECT trader_id AS "traderId", status, regressed_at AS "regressedAt" FROM error_groups
      WHERE id = ${groupId}::uuid AND user_id = ${userId}::uuid
      FOR UPDATE`;
    const group = locked[0];
    if (!group) throw notFound;
    const { traderId } = group;

    const inFlight = await tx.regenerationAttempt.findFirst({
      where: { groupId, userId, status: { in: ["queued", "running"] } },
      orderBy: { createdAt: "desc" },
      select: attemptSelect,
    });
    // A stuck attempt (its worker died) must not block the group forever.
    if (inFlight && isAttemptStuck(inFlight, now)) {
      await failStuckAttempts(tx, { attemptId: inFlight.id, now });
    } else if (inFlight) {
      return { attempt: inFlight, created: false };
    }

    const since = occurrenceStart(group);
    if (trigger === "auto") {
      if (!autoStatuses.includes(group.status)) {
        throw new AppError(
          "conflict",
          `Errors that are ${group.status} are not fixed automatically.`,
        );
      }
      const earlier = await tx.regenerationAttempt.findFirst({
        where: { groupId, userId, createdAt: { gte: since } },
        orderBy: { createdAt: "desc" },
        select: attemptSelect,
      });
      if (earlier) return { attempt: earlier, created: false };
    }

    await assertRegenerationAllowed(tx, { userId, groupId, since, now });
    const attempt = await tx.regenerationAttempt.create({
      data: {
        userId,
        groupId,
        traderId,
        baseVersionId: await findBaseVersionId(tx, { userId, groupId, traderId }),
        trigger,
        triggeredById,
        status: "queued",
      },
      select: attemptSelect,
    });
    await enqueueJob(tx, {
      kind: "regeneration.run",
      payload: { attemptId: attempt.id },
      dedupeKey: `regeneration:${attempt.id}`,
    });
    return { attempt, created: true };
  });
}
