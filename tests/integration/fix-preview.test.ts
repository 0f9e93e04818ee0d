import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { verifyFixCodeAction } from "@/app/(app)/errors/[id]/fix-actions";
import { POST } from "@/app/api/errors/[id]/preview/route";
import { getDb } from "@/lib/db";
import { MAX_CODE_LENGTH } from "@/lib/deploy/assert-deployable-code";
import { generateCandles } from "@/lib/market-data/generate-candles";
import { MARKET_UNIVERSE_SYMBOLS } from "@/lib/preview/collect-preview-inputs";
import { getPreviewSlots } from "@/lib/preview/preview-slots";
import type { FixPreview, PreviewStreamMessage } from "@/lib/preview/preview-types";
import { runFixPreview } from "@/lib/preview/run-fix-preview";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedErrorGroup } from "@/tests/factories/seed-error-group";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

// Reads the sixth candle: fails on the three candles the executor reported.
const FAILING_CODE = `export default function filter({ candles }) {
  return candles[5].close > candles[0].close;
}
`;
// The same selection wherever it ran before, and no crash on short histories.
const GUARD_FIX = `export default function filter({ candles }) {
  if (candles.length < 6) return false;
  return candles[5].close > candles[0].close;
}
`;
// Also guarded, but selects the opposite markets: the universe shows the difference.
const INVERTED_FIX = `export default function filter({ candles }) {
  if (candles.length < 6) return false;
  return candles[5].close < candles[0].close;
}
`;
// Still reads past the end of three candles.
const BAD_FIX = `export default function filter({ candles }) {
  return candles[4].close > candles[0].close;
}
`;

type Owner = { userId: string; email: string; name: string | null; traderId: string };

async function seedOwner(): Promise<Owner> {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id, code: FAILING_CODE });
  return { userId: user.id, email: user.email, name: user.name, traderId: trader.id };
}

async function seedGroup(owner: Owner, event: { filterCodeSnapshot?: string } = {}) {
  const seenAt = new Date("2026-11-20T09:15:00.000Z");
  const title = "TypeError: Cannot read properties of undefined (reading 'close')";
  const group = await seedErrorGroup(db, { ...owner, title, seenAt });
  const candles = generateCandles({ symbol: "BTCUSDT", interval: "5m", count: 3, seed: 5 });
  await db.errorEvent.create({
    data: {
      userId: owner.userId,
      traderId: owner.traderId,
      groupId: group.id,
      idempotencyKey: randomUUID(),
      payloadHash: randomUUID(),
      errorType: "runtime",
      errorMessage: title,
      context: { symbol: "BTCUSDT", interval: "5m", params: {}, candles },
      errorHash: randomUUID().slice(0, 12),
      occurredAt: seenAt,
      filterCodeSnapshot: event.filterCodeSnapshot,
    },
  });
  return group.id;
}

async function postPreview(
  groupId: string,
  options: { cookie?: string; token?: string; body?: unknown; rawBody?: string },
) {
  const request = jsonRequest(`/api/errors/${groupId}/preview`, {
    method: "POST",
    token: options.token,
    body: options.body,
    rawBody: options.rawBody,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  return runInRequestScope(request, () =>
    POST(request, { params: Promise.resolve({ id: groupId }) }),
  );
}

// Parses the body one line at a time as chunks arrive, as a browser would.
async function readMessages(response: Response): Promise<PreviewStreamMessage[]> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("The response has no body.");
  const decoder = new TextDecoder();
  const messages: PreviewStreamMessage[] = [];
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) messages.push(JSON.parse(line) as PreviewStreamMessage);
    if (done) break;
  }
  // Every message ends with a newline: nothing is left half-written.
  expect(buffered).toBe("");
  return messages;
}

async function previewOk(groupId: string, cookie: string, code: string): Promise<FixPreview> {
  const response = await postPreview(groupId, { cookie, body: { code } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  expect(response.headers.get("cache-control")).toContain("no-store");
  const messages = await readMessages(response);
  const progress = messages.filter((message) => message.type === "progress");
  const last = messages.at(-1);
  expect(messages.slice(0, -1)).toEqual(progress);
  if (last?.type !== "result") throw new Error(`Expected a result, got ${JSON.stringify(last)}`);
  const { preview } = last;
  // Old and new both run on every input: twice the rows, counted up chunk by chunk.
  expect(progress.length).toBeGreaterThan(2);
  const total = preview.rows.length * 2;
  expect(progress.every((message) => message.total === total)).toBe(true);
  const done = progress.map((message) => message.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(done.at(-1)).toBe(total);
  return preview;
}

async function signInCookie(owner: Owner) {
  return createSessionCookie({ id: owner.userId, email: owner.email, name: owner.name });
}

describe("POST /api/errors/:id/preview", () => {
  it("streams progress, then a preview where a good fix fixes the failing input", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const preview = await previewOk(groupId, await signInCookie(owner), GUARD_FIX);

    expect(preview.base).toMatchObject({ label: "Version 1", version: 1 });
    const [failing] = preview.rows;
    expect(failing).toMatchObject({
      id: "failing",
      source: "failing",
      symbol: "BTCUSDT",
      interval: "5m",
      old: { ok: false, errorType: "runtime" },
      new: { ok: true, match: false },
      change: "fixed",
    });
    const universe = preview.rows.filter((row) => row.id.startsWith("universe:"));
    expect(universe.map((row) => row.symbol)).toEqual([...MARKET_UNIVERSE_SYMBOLS]);
    // The guard only adds an early return: nothing that ran before selects differently.
    expect(universe.every((row) => row.change === "unchanged")).toBe(true);
    expect(preview.summary).toMatchObject({
      total: preview.rows.length,
      broken: 0,
      stillFailing: 0,
      selectionChanged: 0,
      fixesFailingInput: true,
    });
    // The failing input and the short edge cases (one and two candles) now run.
    expect(preview.summary.fixed).toBe(3);
    // Every other input's symbol is also in the universe.
    expect(preview.summary.text).toBe(
      "Fixes the failure on BTCUSDT 5m; also fixes 2 other inputs; " +
        `selection unchanged on ${MARKET_UNIVERSE_SYMBOLS.length} symbols.`,
    );
  });

  it("counts the universe symbols on which the selection changes", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const preview = await previewOk(groupId, await signInCookie(owner), INVERTED_FIX);

    const changed = preview.rows.filter((row) => row.change === "selection_changed");
    const changedUniverse = changed.filter((row) => row.id.startsWith("universe:"));
    expect(changedUniverse.length).toBeGreaterThan(10);
    for (const row of changed) {
      expect(row.old?.ok && row.new.ok && row.old.match !== row.new.match).toBe(true);
    }
    expect(preview.summary.selectionChanged).toBe(changed.length);
    const symbols = new Set(preview.rows.map((row) => row.symbol)).size;
    const changedSymbols = new Set(changed.map((row) => row.symbol)).size;
    expect(preview.summary.text).toContain(
      `selection changes on ${changedSymbols} of ${symbols} symbols`,
    );
  });

  it("shows a bad fix still failing on the failing input", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const preview = await previewOk(groupId, await signInCookie(owner), BAD_FIX);

    expect(preview.rows[0]).toMatchObject({
      id: "failing",
      old: { ok: false },
      new: { ok: false, errorType: "runtime" },
      change: "still_failing",
    });
    expect(preview.summary.fixesFailingInput).toBe(false);
    expect(preview.summary.text).toMatch(/^Still fails on the failing input \(runtime/);
  });

  it("works with an API key too", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const { token } = await seedApiKey(db, { userId: owner.userId });
    const response = await postPreview(groupId, { token, body: { code: GUARD_FIX } });
    expect(response.status).toBe(200);
    expect((await readMessages(response)).at(-1)).toMatchObject({ type: "result" });
  });

  it("refuses before streaming: signed out, bad JSON, bad body, too long", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const cookie = await signInCookie(owner);

    const signedOut = await postPreview(groupId, { body: { code: GUARD_FIX } });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("content-type")).toContain("application/problem+json");

    const badJson = await postPreview(groupId, { cookie, rawBody: '{"code": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get("content-type")).toContain("application/problem+json");
    expect(await badJson.json()).toMatchObject({
      detail: expect.stringContaining("not valid JSON"),
    });

    const unknownField = await postPreview(groupId, {
      cookie,
      body: { code: GUARD_FIX, version: 2 },
    });
    expect(unknownField.status).toBe(422);
    const missing = await postPreview(groupId, { cookie, body: {} });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: [{ path: "code" }] });
    const tooLong = await postPreview(groupId, {
      cookie,
      body: { code: "x".repeat(MAX_CODE_LENGTH + 1) },
    });
    expect(tooLong.status).toBe(422);
  });

  it("answers 404 problem+json for another user's group and an unknown id", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const intruderCookie = await signInCookie(await seedOwner());

    for (const id of [groupId, randomUUID(), "not-a-uuid"]) {
      const response = await postPreview(id, { cookie: intruderCookie, body: { code: GUARD_FIX } });
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("answers 429 with Retry-After past the per-user limit, and frees a slot when a preview ends", async () => {
    const slots = getPreviewSlots();
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const cookie = await signInCookie(owner);

    // A refusal after the slot is taken (another user's group) gives the slot back.
    const notMine = await postPreview(groupId, {
      cookie: await signInCookie(await seedOwner()),
      body: { code: GUARD_FIX },
    });
    expect(notMine.status).toBe(404);
    expect(slots.inFlight).toBe(0);

    // Two previews of this user still running (PREVIEW_MAX_PER_USER defaults to 2).
    const releaseRunning = [slots.acquire(owner.userId), slots.acquire(owner.userId)];
    try {
      const refused = await postPreview(groupId, { cookie, body: { code: GUARD_FIX } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(await refused.json()).toMatchObject({
        detail: expect.stringContaining("other previews are still running"),
      });
      // Another user is not held back by this one's previews.
      const other = await seedOwner();
      await previewOk(await seedGroup(other), await signInCookie(other), GUARD_FIX);
      releaseRunning[0]?.();
      await previewOk(groupId, cookie, GUARD_FIX);
    } finally {
      for (const release of releaseRunning) release();
    }
    // Every streamed preview released its slot once its result was sent.
    expect(slots.inFlight).toBe(0);
  });
});

describe("runFixPreview", () => {
  it("compares with the failing event's snapshot when the trader has no version", async () => {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner, { filterCodeSnapshot: FAILING_CODE });
    await db.trader.update({ where: { id: owner.traderId }, data: { activeVersionId: null } });
    const progress: number[] = [];

    const preview = await runFixPreview({
      userId: owner.userId,
      groupId,
      code: GUARD_FIX,
      onProgress: ({ done }) => progress.push(done),
    });

    expect(preview.base).toEqual({
      label: "Code from the failing event",
      versionId: null,
      version: null,
    });
    expect(preview.rows[0]).toMatchObject({ old: { ok: false }, change: "fixed" });
    expect(progress.at(-1)).toBe(preview.rows.length * 2);
  });

  it("refuses another user's group", async () => {
    const groupId = await seedGroup(await seedOwner());
    const intruder = await seedOwner();
    await expect(
      runFixPreview({ userId: intruder.userId, groupId, code: GUARD_FIX }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("verifyFixCodeAction", () => {
  async function asOwnerOf() {
    const owner = await seedOwner();
    const groupId = await seedGroup(owner);
    const cookie = await signInCookie(owner);
    const run = <T>(action: () => Promise<T>) =>
      runInRequestScope(jsonRequest(`/errors/${groupId}`, { headers: { cookie } }), action);
    return { groupId, run };
  }

  it("passes a fix that runs on the failing input and every healthy input", async () => {
    const { groupId, run } = await asOwnerOf();
    const result = await run(() => verifyFixCodeAction({ groupId, code: GUARD_FIX }));
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({
      passed: true,
      staticViolations: [],
      compilation: { ok: true },
      failureReproduced: true,
      summary: { failed: 0 },
    });
    expect(result.data.cases[0]).toMatchObject({
      id: "failing",
      passed: true,
      old: { ok: false },
      new: { ok: true },
    });
  });

  it("fails a fix that still crashes, and the unchanged code before running it", async () => {
    const { groupId, run } = await asOwnerOf();
    const bad = await run(() => verifyFixCodeAction({ groupId, code: BAD_FIX }));
    if (!bad.ok) throw new Error(bad.message);
    expect(bad.data.passed).toBe(false);
    expect(bad.data.cases.find((entry) => entry.id === "failing")).toMatchObject({
      passed: false,
      new: { ok: false, errorType: "runtime" },
    });

    const unchanged = await run(() => verifyFixCodeAction({ groupId, code: FAILING_CODE }));
    if (!unchanged.ok) throw new Error(unchanged.message);
    expect(unchanged.data).toMatchObject({
      passed: false,
      staticViolations: [expect.objectContaining({ rule: "unchanged" })],
      cases: [],
    });
  });

  it("refuses another user's group and an empty body", async () => {
    const { groupId } = await asOwnerOf();
    const intruder = await seedOwner();
    const cookie = await signInCookie(intruder);
    const asIntruder = <T>(action: () => Promise<T>) =>
      runInRequestScope(jsonRequest("/errors", { headers: { cookie } }), action);

    await expect(
      asIntruder(() => verifyFixCodeAction({ groupId, code: GUARD_FIX })),
    ).resolves.toMatchObject({ ok: false, code: "not_found" });
    await expect(
      asIntruder(() => verifyFixCodeAction({ groupId, code: "" })),
    ).resolves.toMatchObject({ ok: false, code: "validation_failed" });
  });
});
