import type { JobKind, JobPayload } from "@/lib/jobs/job-kinds";
import { sendDailyDigest } from "@/lib/notifications/daily-digest-email";
import { deliverNotification } from "@/lib/notifications/deliver-notification";

export type JobContext = { jobId: string; attempt: number };

// A handler throws to have its job retried; it must be safe to run again (a worker
// can die after the work but before the job is marked done).
export type JobHandler<K extends JobKind> = (
  payload: JobPayload<K>,
  context: JobContext,
) => Promise<void>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

export const jobHandlers: JobHandlers = {
  "notification.deliver": async ({ notificationId }) => {
    await deliverNotification({ notificationId });
  },
  "email.digest": async ({ userId, day }) => {
    await sendDailyDigest({ userId, day });
  },
};
