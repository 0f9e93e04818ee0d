import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/errors/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { buildHostilePayloads } from "@/tests/fixtures/hostile-payloads";
import { noParams } from "@/tests/support/api-request";

// The whole corpus through the real route, key and database: whatever arrives, the
// answer is a 2xx or a 4xx problem, never a 5xx.
describe("POST /api/errors against the hostile corpus", () => {
  let token: string;

  beforeAll(async () => {
    const db = getDb();
    const userId = (await seedUser(db)).id;
    await seedTrader(db, { userId });
    token = (await seedApiKey(db, { userId })).token;
  });

  it("never answers 5xx", async () => {
    const payloads = buildHostilePayloads({
      maxCompressedBytes: env.INGEST_MAX_BODY_BYTES,
      maxDecompressedBytes: env.INGEST_MAX_DECOMPRESSED_BYTES,
    });
    expect(payloads.length).toBeGreaterThanOrEqual(200);
    const statuses = new Map<number, number>();
    for (const payload of payloads) {
      const request = new Request("http://localhost:3000/api/errors", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          ...payload.headers,
        },
        body: payload.body,
      });
      const response = await POST(request, noParams);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 400) {
        expect(response.headers.get("content-type"), payload.name).toBe("application/problem+json");
      }
      expect(response.status, `${payload.category}/${payload.name}`).toBeLessThan(500);
    }
    console.info("[hostile-route] statuses", Object.fromEntries(statuses));
  }, 120_000);
});
