import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Writer = Db | Prisma.TransactionClient;

// There is no started_at column: an attempt's job is claimed seconds after it is
// queued, so its age is its run time plus that wait. With the defaults (3 rounds, a
// 60 s timeout per try) an attempt ends within about ten minutes; one still running
// after this long lost its worker (crash, deploy, serverless timeout). Raising
// REGENERATION_MAX_ROUNDS towards 10 needs this raised too.
export const STUCK_ATTEMPT_MINUTES = 20;

export const STUCK_ATTEMPT_ERROR =
  "The worker generating this fix stopped before it finished. Request a new fix.";

export function isAttemptStuck(
  attempt: { status: string; createdAt: Date },
  now: Date = new Date(),
): boolean {
  return (
    attempt.status === "running" &&
    attempt.createdAt.getTime() <= now.getTime() - STUCK_ATTEMPT_MINUTES * 60_000
  );
}

// Fails running attempts past the limit (one, or all of them for the periodic sweep).
// Guarded on the status, so an attempt completing at the same moment keeps its result.
export async function failStuckAttempts(
  db: Writer,
  { now = new Date(), attemptId }: { now?: Date; attemptId?: string } = {},
): Promise<number> {
  const { count } = await db.regenerationAttempt.updateMany({
    where: {
      ...(attemptId ? { id: attemptId } : {}),
      status: "running",
      createdAt: { lte: new Date(now.getTime() - STUCK_ATTEMPT_MINUTES * 60_000) },
    },
    data: { status: "failed", error: STUCK_ATTEMPT_ERROR, completedAt: now },
  });
  return count;
}
