import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

// Job kinds of the deploy flow and their payloads (part of lib/jobs/job-kinds.ts).
// `deploy.watch` is written by the ingest statement for groups in fix_deployed.
export const deployJobPayloadSchemas = {
  "deploy.webhook": z.object({ deploymentId: z.uuid() }),
  "deploy.watch": z.object({ groupId: z.uuid() }),
} as const;

// Every version change (deploy or rollback) of a trader with a webhook tells it once.
// The outbox row is written in the change's own transaction, so only changes that
// committed are announced; the dedupe key makes a re-run harmless.
export async function enqueueDeployWebhook(
  tx: Prisma.TransactionClient,
  deploymentId: string,
): Promise<void> {
  const kind = "deploy.webhook";
  const dedupeKey = `${kind}:${deploymentId}`;
  const payload = deployJobPayloadSchemas[kind].parse({ deploymentId });
  await tx.job.upsert({
    where: { dedupeKey },
    create: { kind, payload, dedupeKey },
    update: {},
  });
}
