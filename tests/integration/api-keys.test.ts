import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/errors/route";
import { hashApiKeySecret, parseApiKey } from "@/lib/api-keys/api-key-token";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();

async function seedOwner() {
  const user = await seedUser(db);
  const trader = await seedTrader(db, { userId: user.id });
  return { userId: user.id, traderId: trader.id, traderName: trader.name };
}

function postError(token: string, traderId: string) {
  return POST(
    jsonRequest("/api/errors", {
      token,
      body: {
        event_id: randomUUID(),
        trader_id: traderId,
        error_type: "runtime",
        error_message: "TypeError: x is undefined",
      },
    }),
    noParams,
  );
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function waitForLastUsedAt(keyId: string): Promise<Date | null> {
  // authenticateApiKey records the use without awaiting it.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    if (key.lastUsedAt) return key.lastUsedAt;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

describe("API key management", () => {
  it("creates a key whose token authenticates as its owner", async () => {
    const { userId, traderId } = await seedOwner();
    const { key, token } = await createApiKey(db, { userId, name: "Prod executor", traderId });
    expect(await authenticateApiKey(token)).toEqual({
      keyId: key.id,
      userId,
      traderId,
      scope: "executor",
    });
  });

  it("stores the hash of the secret and never the token or the secret", async () => {
    const { userId } = await seedOwner();
    const { key, token } = await createApiKey(db, { userId, name: "Stored once" });
    const secret = parseApiKey(token)?.secret ?? "";
    expect(secret).not.toBe("");
    // Read the raw row so no Prisma omit can hide a leaked column.
    const rows = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM api_keys WHERE id = ${key.id}::uuid`;
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row.hash).toBe(hashApiKeySecret(secret));
    for (const [column, value] of Object.entries(row)) {
      const text = value instanceof Date ? value.toISOString() : String(value);
      expect(text, column).not.toContain(token);
      expect(text, column).not.toContain(secret);
    }
  });

  it("lists only the owner's keys, newest first, without the hash", async () => {
    const owner = await seedOwner();
    const other = await seedOwner();
    const older = await createApiKey(db, { userId: owner.userId, name: "Older" });
    const newer = await createApiKey(db, {
      userId: owner.userId,
      name: "Newer",
      traderId: owner.traderId,
    });
    const foreign = await createApiKey(db, { userId: other.userId, name: "Foreign" });

    const keys = await listApiKeys({ userId: owner.userId });
    expect(keys.map((key) => key.id)).toEqual([newer.key.id, older.key.id]);
    expect(keys.map((key) => key.id)).not.toContain(foreign.key.id);
    expect(keys[0]).toEqual({
      id: newer.key.id,
      name: "Newer",
      prefix: newer.key.prefix,
      scope: "executor",
      createdAt: newer.key.createdAt,
      lastUsedAt: null,
      revokedAt: null,
      trader: { id: owner.traderId, name: owner.traderName },
    });
    expect(keys[1]?.trader).toBeNull();
    const serialized = JSON.stringify(keys);
    expect(serialized).not.toContain("hash");
    const storedHash = await db.apiKey.findUniqueOrThrow({
      where: { id: newer.key.id },
      omit: { hash: false },
    });
    expect(serialized).not.toContain(storedHash.hash);
  });

  it("revokes a key: it stops authenticating and ingestion answers 401", async () => {
    const { userId, traderId } = await seedOwner();
    const { key, token } = await createApiKey(db, { userId, name: "Soon revoked" });
    expect((await postError(token, traderId)).status).toBe(201);

    const revoked = await revokeApiKey({ userId, keyId: key.id });
    expect(revoked.id).toBe(key.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toEqual(revoked.revokedAt);

    expect(await authenticateApiKey(token)).toBeNull();
    const response = await postError(token, traderId);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
  });

  it("is idempotent: revoking twice keeps the first revocation time", async () => {
    const { userId } = await seedOwner();
    const { key } = await createApiKey(db, { userId, name: "Twice" });
    const first = await revokeApiKey({ userId, keyId: key.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await revokeApiKey({ userId, keyId: key.id });
    expect(second.revokedAt).toEqual(first.revokedAt);
    const listed = await listApiKeys({ userId });
    expect(listed.find((item) => item.id === key.id)?.revokedAt).toEqual(first.revokedAt);
  });

  it("answers not_found for another user's key and leaves it working", async () => {
    const owner = await seedOwner();
    const intruder = await seedOwner();
    const { key, token } = await seedApiKey(db, { userId: owner.userId });

    await expectAppError(revokeApiKey({ userId: intruder.userId, keyId: key.id }), "not_found");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedAt).toBeNull();
    expect(await authenticateApiKey(token)).toMatchObject({ keyId: key.id });
    expect((await postError(token, owner.traderId)).status).toBe(201);
  });

  it("answers not_found for unknown and malformed key ids", async () => {
    const { userId } = await seedOwner();
    await expectAppError(revokeApiKey({ userId, keyId: randomUUID() }), "not_found");
    await expectAppError(revokeApiKey({ userId, keyId: "not-a-uuid" }), "not_found");
  });

  it("refuses to scope a key to another user's trader", async () => {
    const owner = await seedOwner();
    const other = await seedOwner();
    const before = await db.apiKey.count({ where: { userId: owner.userId } });
    await expectAppError(
      createApiKey(db, { userId: owner.userId, name: "Sneaky", traderId: other.traderId }),
      "not_found",
    );
    expect(await db.apiKey.count({ where: { userId: owner.userId } })).toBe(before);
  });

  it("records when a key was last used", async () => {
    const { userId, traderId } = await seedOwner();
    const { key, token } = await createApiKey(db, { userId, name: "Used" });
    const [listed] = await listApiKeys({ userId });
    expect(listed?.lastUsedAt).toBeNull();

    const startedAt = Date.now();
    expect((await postError(token, traderId)).status).toBe(201);
    const lastUsedAt = await waitForLastUsedAt(key.id);
    expect(lastUsedAt).not.toBeNull();
    expect(lastUsedAt?.getTime()).toBeGreaterThanOrEqual(startedAt - 1_000);
    const [relisted] = await listApiKeys({ userId });
    expect(relisted?.lastUsedAt).toEqual(lastUsedAt);
  });

  it("trims names and refuses empty or over-long ones", async () => {
    const { userId } = await seedOwner();
    const { key } = await createApiKey(db, { userId, name: "  Padded name  " });
    expect(key.name).toBe("Padded name");
    const before = await db.apiKey.count({ where: { userId } });
    await expectAppError(createApiKey(db, { userId, name: "   " }), "validation_failed");
    await expectAppError(createApiKey(db, { userId, name: "x".repeat(81) }), "validation_failed");
    expect(await db.apiKey.count({ where: { userId } })).toBe(before);
    const longest = await createApiKey(db, { userId, name: "x".repeat(80) });
    expect(longest.key.name).toHaveLength(80);
  });

  it("lets only admins create admin-scope keys", async () => {
    const trader = await seedUser(db);
    const admin = await seedUser(db, { role: "admin" });
    await expectAppError(
      createApiKey(db, {
        userId: trader.id,
        name: "Escalation",
        scope: "admin",
        role: trader.role,
      }),
      "forbidden",
    );
    await expectAppError(
      createApiKey(db, { userId: trader.id, name: "No role", scope: "admin" }),
      "forbidden",
    );
    expect(await db.apiKey.count({ where: { userId: trader.id } })).toBe(0);
    const { key, token } = await createApiKey(db, {
      userId: admin.id,
      name: "Ops",
      scope: "admin",
      role: admin.role,
    });
    expect(key.scope).toBe("admin");
    expect(await authenticateApiKey(token)).toMatchObject({ scope: "admin", userId: admin.id });
  });
});
