import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type JobKind, type JobPayload, jobPayloadSchemas } from "@/lib/jobs/job-kinds";

type JobWriter = Db | Prisma.TransactionClient;

// Writes the job in the caller's transaction (pass `tx`) so work is queued only
// if its cause commits. A dedupe key makes enqueueing idempotent.
export async function enqueueJob<K extends JobKind>(
  db: JobWriter,
  {
    kind,
    payload,
    dedupeKey,
    runAt,
  }: { kind: K; payload: JobPayload<K>; dedupeKey?: string; runAt?: Date },
): Promise<void> {
  const data = jobPayloadSchemas[kind].parse(payload) as Prisma.InputJsonValue;
  if (dedupeKey) {
    await db.job.upsert({
      where: { dedupeKey },
      create: { kind, payload: data, dedupeKey, runAt },
      update: {},
    });
    return;
  }
  await db.job.create({ data: { kind, payload: data, runAt } });
}
