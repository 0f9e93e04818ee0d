import { checkDeploymentWatch } from "@/lib/deploy/check-deployment-watch";
import { sendDeployWebhook } from "@/lib/deploy/send-deploy-webhook";
import type { JobKind, JobPayload } from "@/lib/jobs/job-kinds";
import { sendDailyDigest } from "@/lib/notifications/daily-digest-email";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import { enqueueAutoRegenerationForNotification } from "@/lib/regeneration/enqueue-auto-regeneration";
import { maybeAutoRegenerate } from "@/lib/regeneration/maybe-auto-regenerate";
import { runRegenerationJob } from "@/lib/regeneration/run-regeneration-job";

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
    // First, so an email outage retrying this job does not hold the fix back.
    await enqueueAutoRegenerationForNotification({ notificationId });
    await deliverNotification({ notificationId });
  },
  "email.digest": async ({ userId, day }) => {
    await sendDailyDigest({ userId, day });
  },
  "regeneration.run": async ({ attemptId }) => {
    await runRegenerationJob({ attemptId });
  },
  "regeneration.auto": async ({ groupId }) => {
    await maybeAutoRegenerate({ groupId });
  },
  "deploy.webhook": async ({ deploymentId }, { jobId }) => {
    await sendDeployWebhook({ deploymentId }, { jobId });
  },
  "deploy.watch": async ({ groupId }) => {
    await checkDeploymentWatch({ groupId });
  },
};
