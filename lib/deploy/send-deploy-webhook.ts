import { z } from "zod";
import { getDb } from "@/lib/db";
import { signDeployWebhook } from "@/lib/deploy/deploy-webhook-signature";
import { getServicePolicy } from "@/lib/resilience/service-circuit-registry";
import { logSystemError } from "@/lib/system-errors/log-system-error";

export type DeployWebhookOutcome =
  | { result: "delivered"; status: number }
  // Nothing to send: the deployment is gone or the trader no longer has a webhook.
  | { result: "skipped" }
  // Given up without retrying; recorded in system_errors.
  | { result: "rejected"; status: number | null; error: string };

export type DeployWebhookOptions = {
  // Recorded with a rejection, to find the job that gave up.
  jobId?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const EXCERPT_LENGTH = 500;

// The receiver's wire format; documented for users in the README.
export const deployWebhookBodySchema = z.object({
  trader_id: z.uuid(),
  deployment_id: z.uuid().meta({ description: "Same on every retry: deduplicate on it." }),
  version: z.int(),
  version_id: z.uuid(),
  deployed_at: z.iso.datetime({ offset: true }),
  kind: z.enum(["deploy", "rollback", "auto_rollback"]),
});
export type DeployWebhookBody = z.infer<typeof deployWebhookBodySchema>;

// Temporary by HTTP's own definition: worth another attempt after the job's backoff.
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

// A failure the receiver may not repeat: retried by the job and counted by the breaker.
class TransientWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientWebhookError";
  }
}

async function readExcerpt(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, EXCERPT_LENGTH);
  } catch {
    return "";
  }
}

async function describeAnswer(target: string, response: Response): Promise<string> {
  const excerpt = await readExcerpt(response);
  return `Deploy webhook to ${target} answered ${response.status}${excerpt ? `: ${excerpt}` : ""}`;
}

// The URL may carry a token in its query: only where it points is recorded.
function describeTarget(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

async function recordRejection(
  deployment: { id: string; traderId: string },
  {
    jobId,
    status,
    error,
    target,
  }: { jobId?: string; status: number | null; error: string; target: string },
): Promise<DeployWebhookOutcome> {
  console.warn(`[deploy] webhook for deployment ${deployment.id} given up: ${error}`);
  await logSystemError({
    errorType: "deploy_webhook_rejected",
    severity: "medium",
    component: "deploy",
    message: error,
    context: { deploymentId: deployment.id, target, status },
    jobId: jobId ?? null,
    traderId: deployment.traderId,
  });
  return { result: "rejected", status, error };
}

function parseTarget(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Handler of the `deploy.webhook` job: POSTs the deployment to the trader's webhook
 * (e.g. to restart its executor), signed with X-Faultline-Signature. Throws on a
 * network error, a timeout, 408, 429 and 5xx so the job runner retries with backoff;
 * any other answer that is not 2xx (redirects included) is given up at once and
 * recorded, since sending the same request again cannot change it. While the receiver
 * host's circuit is open (repeated failures) it throws CircuitOpenError without calling,
 * and the job retries later.
 */
export async function sendDeployWebhook(
  { deploymentId }: { deploymentId: string },
  {
    jobId,
    fetch: fetchImpl = fetch,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    now = () => new Date(),
  }: DeployWebhookOptions = {},
): Promise<DeployWebhookOutcome> {
  const deployment = await getDb().deployment.findUnique({
    where: { id: deploymentId },
    select: {
      id: true,
      traderId: true,
      kind: true,
      createdAt: true,
      toVersion: { select: { id: true, version: true } },
      trader: { select: { deployWebhookUrl: true, deployWebhookSecret: true } },
    },
  });
  const rawUrl = deployment?.trader.deployWebhookUrl;
  if (!deployment || !rawUrl) return { result: "skipped" };
  const url = parseTarget(rawUrl);
  if (!url) {
    return recordRejection(deployment, {
      jobId,
      status: null,
      error: "The deploy webhook URL is not an http(s) URL.",
      target: "(invalid)",
    });
  }
  const target = describeTarget(url);
  const secret = deployment.trader.deployWebhookSecret;
  if (!secret) {
    return recordRejection(deployment, {
      jobId,
      status: null,
      error: "The deploy webhook has no signing secret; unsigned requests are never sent.",
      target,
    });
  }

  const payload: DeployWebhookBody = {
    trader_id: deployment.traderId,
    deployment_id: deployment.id,
    version: deployment.toVersion.version,
    version_id: deployment.toVersion.id,
    deployed_at: deployment.createdAt.toISOString(),
    kind: deployment.kind,
  };
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(now().getTime() / 1000);
  // One breaker per receiver host: a trader's dead executor must not stop the others'.
  const policy = getServicePolicy({
    service: "deploy_webhook",
    target: url.origin,
    isTransient: (error) => error instanceof TransientWebhookError,
  });
  const response = await policy.execute(async (signal) => {
    let answer: Response;
    try {
      answer = await fetchImpl(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Faultline-Webhooks/1",
          "x-faultline-signature": signDeployWebhook({ secret, body, timestamp }),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new TransientWebhookError(`Deploy webhook to ${target} failed: ${reason}`);
    }
    if (!isRetryableStatus(answer.status)) return answer;
    throw new TransientWebhookError(await describeAnswer(target, answer));
  });
  if (response.ok) {
    await response.body?.cancel();
    return { result: "delivered", status: response.status };
  }
  const answer = await describeAnswer(target, response);
  return recordRejection(deployment, { jobId, status: response.status, error: answer, target });
}
