import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The breaker writes system errors that the health report counts: a database of its own.
// The app's LLM client (getLlmClient) talks to a fake provider that fails on demand.
const { database, fake } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const { startFakeOpenAiServer } = await import("@/tests/support/fake-openai-server");
  const created = await createTestDatabase();
  const server = await startFakeOpenAiServer({ apiKey: "sk-test-breaker", model: "gpt-4.1-mini" });
  process.env.DATABASE_URL = created.url;
  process.env.OPENAI_API_KEY = "sk-test-breaker";
  process.env.OPENAI_BASE_URL = server.baseUrl;
  process.env.OPENAI_MODEL = "gpt-4.1-mini";
  process.env.OPENAI_API_MODE = "chat";
  return { database: created, fake: server };
});

import { GET as getHealth } from "@/app/api/health/route";
import { getDb, getPool } from "@/lib/db";
import { getLlmClient } from "@/lib/llm/llm-client";
import { createLlmResilience, type LlmResilience } from "@/lib/llm/llm-resilience";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { cannedError, cannedOutput } from "@/tests/support/fake-openai-server";
import { testSizedPolicy } from "@/tests/support/test-sized-policy";

const HALF_OPEN_AFTER_MS = 3_000;

// The process-wide breaker (lib/llm/llm-circuit-state.ts) with the production wiring but
// test-sized numbers: installed before anything asks for it, so getLlmClient and the
// health report share it exactly as they do in the app.
Object.assign(globalThis, {
  faultlineLlmResilience: createLlmResilience(
    testSizedPolicy(HALF_OPEN_AFTER_MS),
  ) satisfies LlmResilience,
});

const db = getDb();

afterAll(async () => {
  await fake.close();
  await getPool().end();
  await database.drop();
});

const ask = () =>
  getLlmClient().generateStructured({
    schema: z.object({ answer: z.string() }),
    schemaName: "probe",
    instructions: "Answer.",
    messages: [{ role: "user", content: "Are you there?" }],
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

describe("the LLM circuit against a failing provider", () => {
  it("opens (a high system error, health shows it), then closes after a good probe", async () => {
    expect((await readHealth()).components.llm).toMatchObject({
      status: "ok",
      circuit: { state: "closed" },
    });

    fake.enqueue(cannedError(500, "Upstream melted"), cannedError(500, "Upstream melted"));
    await expect(ask()).rejects.toMatchObject({ name: "LlmError" });
    await expect(ask()).rejects.toMatchObject({ name: "LlmError" });
    // Open: the next call fails fast without reaching the provider.
    await expect(ask()).rejects.toMatchObject({ code: "circuit_open" });
    expect(fake.requests).toHaveLength(2);

    const opened = await waitForSystemError("llm_circuit_opened");
    expect(opened).toMatchObject({ component: "llm", severity: "high", resolvedAt: null });
    expect(opened.context).toMatchObject({ state: "open", threshold: 2 });

    const whileOpen = await readHealth();
    expect(whileOpen.components.llm).toMatchObject({
      status: "degraded",
      configured: true,
      circuit: { state: "open", retry_after_seconds: expect.any(Number) },
      failures_24h: 1,
    });
    expect(whileOpen.components.llm.circuit.opened_at).toEqual(expect.any(String));
    expect(whileOpen.components.error_tracking).toMatchObject({ unresolved: 1 });

    const openedAt = Date.parse(whileOpen.components.llm.circuit.opened_at);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(openedAt + HALF_OPEN_AFTER_MS + 50 - Date.now(), 0)),
    );
    fake.enqueue(cannedOutput({ answer: "back" }));
    await expect(ask()).resolves.toMatchObject({ output: { answer: "back" } });

    expect(await waitForSystemError("llm_circuit_half_open")).toMatchObject({ severity: "low" });
    expect(await waitForSystemError("llm_circuit_closed")).toMatchObject({ severity: "low" });
    expect((await readHealth()).components.llm).toMatchObject({
      status: "ok",
      circuit: { state: "closed", retry_after_seconds: null, opened_at: null },
    });
  });
});
