import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import {
  DEPLOY_WEBHOOK_SIGNATURE_HEADER,
  verifyDeployWebhookSignature,
} from "@/lib/deploy/deploy-webhook-signature";
import { activateVersion } from "@/lib/deploy/rollback-to-version";
import { sendDeployWebhook } from "@/lib/deploy/send-deploy-webhook";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";

const db = getDb();
const SECRET = "whsec_integration_secret";

const codeWith = (marker: string) => `export default function filter({ candles }) {
  return candles.length > 0; // ${marker}
}
`;

describe("deploy webhook", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await receiver.close();
  });

  async function deployWithWebhook(webhook: { url?: string; secret?: string | null } = {}) {
    const userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    await db.trader.update({
      where: { id: trader.id },
      data: {
        deployWebhookUrl: webhook.url ?? receiver.url,
        deployWebhookSecret: webhook.secret === undefined ? SECRET : webhook.secret,
      },
    });
    const deployed = await deployCode({
      userId,
      traderId: trader.id,
      code: codeWith(randomUUID()),
      source: "user",
    });
    return { userId, traderId: trader.id, v1Id: trader.activeVersionId ?? "", deployed };
  }

  const requestsFor = (deploymentId: string) =>
    receiver.received.filter((request) => request.body.includes(deploymentId));

  it("POSTs the deployment as JSON, signed so the receiver can verify it", async () => {
    const { traderId, deployed } = await deployWithWebhook();

    const outcome = await sendDeployWebhook({ deploymentId: deployed.deploymentId });

    expect(outcome).toEqual({ result: "delivered", status: 204 });
    const [request] = requestsFor(deployed.deploymentId);
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({
      trader_id: traderId,
      deployment_id: deployed.deploymentId,
      version: 2,
      version_id: deployed.version.id,
      deployed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      kind: "deploy",
    });
    const header = request?.headers[DEPLOY_WEBHOOK_SIGNATURE_HEADER.toLowerCase()] ?? null;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const body = request?.body ?? "";
    expect(verifyDeployWebhookSignature({ secret: SECRET, header, body })).toBe(true);
    expect(verifyDeployWebhookSignature({ secret: "wrong", header, body })).toBe(false);
    expect(
      verifyDeployWebhookSignature({ secret: SECRET, header, body: body.replace("deploy", "x") }),
    ).toBe(false);
  });

  it("sends rollbacks too, with their kind", async () => {
    const { userId, traderId, v1Id } = await deployWithWebhook();
    const rollback = await activateVersion({
      userId,
      traderId,
      versionId: v1Id,
      kind: "rollback",
      reason: "webhook test",
    });
    expect(rollback.isWebhookQueued).toBe(true);

    await sendDeployWebhook({ deploymentId: rollback.deploymentId });

    const [request] = requestsFor(rollback.deploymentId);
    expect(JSON.parse(request?.body ?? "")).toMatchObject({ kind: "rollback", version: 1 });
  });

  it("throws on a 500 (and 429) so the job runner retries, then delivers", async () => {
    const { deployed } = await deployWithWebhook();
    receiver.respondWith(500, 429);

    await expect(sendDeployWebhook({ deploymentId: deployed.deploymentId })).rejects.toThrow(
      /answered 500/,
    );
    await expect(sendDeployWebhook({ deploymentId: deployed.deploymentId })).rejects.toThrow(
      /answered 429/,
    );
    expect(await sendDeployWebhook({ deploymentId: deployed.deploymentId })).toEqual({
      result: "delivered",
      status: 204,
    });
    expect(requestsFor(deployed.deploymentId)).toHaveLength(3);
  });

  it("throws when the receiver cannot be reached", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const { deployed } = await deployWithWebhook({ url: closed.url });
    await expect(sendDeployWebhook({ deploymentId: deployed.deploymentId })).rejects.toThrow(
      /failed/,
    );
  });

  it("gives up on a 400 without retrying and records why", async () => {
    const { traderId, deployed } = await deployWithWebhook();
    receiver.respondWith(400);
    const jobId = randomUUID();

    const outcome = await sendDeployWebhook({ deploymentId: deployed.deploymentId }, { jobId });

    expect(outcome).toMatchObject({ result: "rejected", status: 400 });
    expect(requestsFor(deployed.deploymentId)).toHaveLength(1);
    const recorded = await db.systemError.findMany({ where: { traderId } });
    expect(recorded).toEqual([
      expect.objectContaining({
        component: "deploy",
        errorType: "deploy_webhook_rejected",
        jobId,
        message: expect.stringContaining("answered 400"),
        context: expect.objectContaining({
          deploymentId: deployed.deploymentId,
          status: 400,
          target: `${new URL(receiver.url).origin}/hooks/deploy`,
        }),
      }),
    ]);
  });

  it("never sends an unsigned request: a webhook without a secret is recorded, not called", async () => {
    const { traderId, deployed } = await deployWithWebhook({ secret: null });

    const outcome = await sendDeployWebhook({ deploymentId: deployed.deploymentId });

    expect(outcome).toMatchObject({ result: "rejected", status: null });
    expect(requestsFor(deployed.deploymentId)).toHaveLength(0);
    expect(await db.systemError.count({ where: { traderId, component: "deploy" } })).toBe(1);
  });

  it("skips a trader whose webhook was removed after the deploy", async () => {
    const { traderId, deployed } = await deployWithWebhook();
    await db.trader.update({ where: { id: traderId }, data: { deployWebhookUrl: null } });
    expect(await sendDeployWebhook({ deploymentId: deployed.deploymentId })).toEqual({
      result: "skipped",
    });
    expect(requestsFor(deployed.deploymentId)).toHaveLength(0);
  });
});
