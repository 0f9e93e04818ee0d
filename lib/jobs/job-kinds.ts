import { z } from "zod";
import { deployJobPayloadSchemas } from "@/lib/deploy/deploy-job-payloads";

// Every kind of durable background work and the payload it carries. Handlers
// live beside their domain; the runner only knows this table.
export const jobPayloadSchemas = {
  "notification.deliver": z.object({ notificationId: z.uuid() }),
  "email.digest": z.object({ userId: z.uuid(), day: z.iso.date() }),
  "regeneration.run": z.object({ attemptId: z.uuid() }),
  "regeneration.auto": z.object({ groupId: z.uuid() }),
  ...deployJobPayloadSchemas,
} as const;

export type JobKind = keyof typeof jobPayloadSchemas;
export type JobPayload<K extends JobKind> = z.infer<(typeof jobPayloadSchemas)[K]>;
