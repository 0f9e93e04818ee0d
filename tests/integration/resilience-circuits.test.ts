import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// The breakers write system errors that health counts: a database of its own. Email goes
// through the real Resend SDK to a fake Resend that fails on demand.
const { database, resend } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakeResendServer } = await import("@/tests/support/fake-resend-server");
  const created = await createTestDatabase();
  const server = await startFakeResendServer("re_test_circuit");
  process.env.DATABASE_URL = created.url;
  process.env.RESEND_API_KEY = "re_test_circuit";
  process.env.RESEND_BASE_URL = server.baseUrl;
  process.env.APP_URL = "http://localhost:3000";
  return { database: created, resend: server };
});

import { GET as getHealth } from "@/app/api/health/route";
import { getDb, getPool } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import { sendDeployWebhook } from "@/lib/deploy/send-deploy-webhook";
import { deliverNotification } from "@/lib/notifications/deliver-notification";
import { setServicePolicyOptions } from "@/lib/resilience/service-circuit-registry";
import { CircuitOpenError } from "@/lib/resilience/service-policy-errors";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { testSizedPolicy } from "@/tests/support/test-sized-policy";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";

const HALF_OPEN_AFTER_MS = 1_500;
const testSized = testSizedPolicy(HALF_OPEN_AFTER_MS);
setServicePolicyOptions("email", testSized);
setServicePolicyOptions("deploy_webhook", testSized);

const db = getDb();
const receiver = await startWebhookReceiver();

afterAll(async () => {
  await resend.close();
  await receiver.close();
  await getPool().end();
  await database.drop();
});

async function readHealth() {
  const response = await getHealth(jsonRequest("/api/health"), noParams);
  return response.json();
}

// Transitions are logged without holding up the call that caused them.
async function waitForSystemError(errorType: string) {
  await vi.waitFor(
    async () => expect(await db.systemError.count({ where: { errorType } })).toBe(1),
    { timeout: 5_000, interval: 25 },
  );
  return db.systemError.findFirstOrThrow({ where: { errorType } });
}

async function waitForProbe(openedAt: string) {
  const wait = Date.parse(openedAt) + HALF_OPEN_AFTER_MS + 50 - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
}

async function seedNotification() {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  return db.notification.create({
    data: { userId: user.id, traderId: trader.id, kind: "workflow_disabled", title: "Stopped" },
  });
}

describe("the email circuit against a failing Resend", () => {
  it("opens (high system error, health degraded), fails fast in-app only, then closes", async () => {
    expect((await readHealth()).components.email).toMatchObject({
      status: "ok",
      circuit: { state: "closed" },
    });
    const outage = { statusCode: 503, name: "application_error", message: "Resend is down." };
    resend.failNext(2, outage);
    const first = await seedNotification();
    const second = await seedNotification();
    await expect(deliverNotification({ notificationId: first.id })).rejects.toThrow(
      /Resend is down/,
    );
    await expect(deliverNotification({ notificationId: second.id })).rejects.toThrow(
      /Resend is down/,
    );

    // Open: a third delivery fails fast without reaching Resend; the notification is
    // still there in-app and its email row waits, failed, for the job's retry.
    const third = await seedNotification();
    const requestsBefore = resend.requests.length;
    const rejection = await deliverNotification({ notificationId: third.id }).catch(
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(CircuitOpenError);
    expect(resend.requests).toHaveLength(requestsBefore);
    expect(await db.notification.count({ where: { id: third.id } })).toBe(1);
    expect(
      await db.emailMessage.findFirstOrThrow({ where: { notificationId: third.id } }),
    ).toMatchObject({ status: "failed", error: expect.stringContaining("circuit is open") });

    const opened = await waitForSystemError("email_circuit_opened");
    expect(opened).toMatchObject({ component: "email", severity: "high", resolvedAt: null });
    expect(opened.context).toMatchObject({ service: "email", state: "open", threshold: 2 });
    const whileOpen = (await readHealth()).components.email;
    expect(whileOpen).toMatchObject({
      status: "degraded",
      configured: true,
      circuit: { state: "open", retry_after_seconds: expect.any(Number) },
    });

    await waitForProbe(whileOpen.circuit.opened_at);
    // The job's retry is the probe: it sends, and the circuit closes.
    expect(await deliverNotification({ notificationId: third.id })).toMatchObject({
      result: "email",
      status: "sent",
    });
    expect(await waitForSystemError("email_circuit_half_open")).toMatchObject({ severity: "low" });
    expect(await waitForSystemError("email_circuit_closed")).toMatchObject({ severity: "low" });
    expect((await readHealth()).components.email).toMatchObject({
      status: "ok",
      circuit: { state: "closed", retry_after_seconds: null, opened_at: null },
    });
  });
});

describe("the deploy webhook circuit against a failing receiver", () => {
  async function deployWithWebhook() {
    const userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    await db.trader.update({
      where: { id: trader.id },
      data: { deployWebhookUrl: receiver.url, deployWebhookSecret: "whsec_circuit" },
    });
    const code = `export default function filter({ candles }) {\n  return candles.length > 0; // ${randomUUID()}\n}\n`;
    return deployCode({ userId, traderId: trader.id, code, source: "user" });
  }

  it("opens per receiver host, fails fast for the job to retry, then closes", async () => {
    const { deploymentId } = await deployWithWebhook();
    receiver.respondWith(503, 503);
    await expect(sendDeployWebhook({ deploymentId })).rejects.toThrow(/answered 503/);
    await expect(sendDeployWebhook({ deploymentId })).rejects.toThrow(/answered 503/);
    const received = receiver.received.length;
    await expect(sendDeployWebhook({ deploymentId })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(receiver.received).toHaveLength(received);

    const opened = await waitForSystemError("deploy_webhook_circuit_opened");
    expect(opened).toMatchObject({ component: "deploy", severity: "high" });
    const whileOpen = (await readHealth()).components.deploy_webhooks;
    expect(whileOpen).toMatchObject({
      status: "degraded",
      circuit: { state: "open" },
      open_targets: 1,
    });

    await waitForProbe(whileOpen.circuit.opened_at);
    await expect(sendDeployWebhook({ deploymentId })).resolves.toMatchObject({
      result: "delivered",
    });
    expect(await waitForSystemError("deploy_webhook_circuit_closed")).toMatchObject({
      component: "deploy",
      severity: "low",
    });
    expect((await readHealth()).components.deploy_webhooks).toMatchObject({
      status: "ok",
      circuit: { state: "closed" },
      open_targets: 0,
    });
  });
});
