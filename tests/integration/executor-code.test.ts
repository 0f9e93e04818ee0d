import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTraderCode } from "@/app/api/executor/traders/[id]/code/route";
import { GET as listTraders } from "@/app/api/executor/traders/route";
import { getDb } from "@/lib/db";
import { deployCode } from "@/lib/deploy/deploy-code-version";
import {
  executorTraderCodeSchema,
  executorTraderListSchema,
} from "@/lib/deploy/executor-code-schemas";
import { activateVersion } from "@/lib/deploy/rollback-to-version";
import { seedApiKey } from "@/tests/factories/seed-api-key";
import { SIMPLE_FILTER_CODE, seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";

const db = getDb();

const V2_CODE = `export default function filter({ candles }) {
  return candles.length > 1;
}
`;

function fetchCode(traderId: string, token: string, headers: Record<string, string> = {}) {
  return getTraderCode(jsonRequest(`/api/executor/traders/${traderId}/code`, { token, headers }), {
    params: Promise.resolve({ id: traderId }),
  });
}

function fetchList(token: string, headers: Record<string, string> = {}) {
  return listTraders(jsonRequest("/api/executor/traders", { token, headers }), noParams);
}

async function readCode(response: Response) {
  return executorTraderCodeSchema.parse(await response.json());
}

describe("GET /api/executor/traders/:id/code", () => {
  let userId: string;
  let traderId: string;
  let v1Id: string;
  let token: string;

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    const trader = await seedTrader(db, { userId });
    traderId = trader.id;
    v1Id = trader.activeVersionId ?? "";
    token = (await seedApiKey(db, { userId })).token;
  });

  it("serves the active code with a strong ETag and no-cache, and 304 while nothing changed", async () => {
    const response = await fetchCode(traderId, token);

    expect(response.status).toBe(200);
    const etag = response.headers.get("etag");
    expect(etag).toBe(`"${v1Id}.running"`);
    expect(response.headers.get("cache-control")).toContain("no-cache");
    expect(await readCode(response)).toEqual({
      trader_id: traderId,
      version_id: v1Id,
      version: 1,
      code: SIMPLE_FILTER_CODE,
      state: "running",
      updated_at: expect.any(String),
    });

    const unchanged = await fetchCode(traderId, token, { "if-none-match": etag ?? "" });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(await unchanged.text()).toBe("");
  });

  it("serves the new version after a deploy, the old one after a rollback, and follows the state", async () => {
    const before = (await fetchCode(traderId, token)).headers.get("etag") ?? "";
    const deployed = await deployCode({ userId, traderId, code: V2_CODE, source: "user" });

    const afterDeploy = await fetchCode(traderId, token, { "if-none-match": before });
    expect(afterDeploy.status).toBe(200);
    expect(await readCode(afterDeploy)).toMatchObject({
      version_id: deployed.version.id,
      version: 2,
      code: V2_CODE,
    });

    await activateVersion({ userId, traderId, versionId: v1Id, kind: "rollback", reason: "test" });
    const afterRollback = await fetchCode(traderId, token);
    expect(await readCode(afterRollback)).toMatchObject({
      version_id: v1Id,
      version: 1,
      code: SIMPLE_FILTER_CODE,
    });
    const rollbackDeployment = await db.deployment.findFirstOrThrow({
      where: { traderId, kind: "rollback" },
    });
    expect((await readCode(await fetchCode(traderId, token))).updated_at).toBe(
      rollbackDeployment.createdAt.toISOString(),
    );

    await db.trader.update({ where: { id: traderId }, data: { state: "paused" } });
    const paused = await fetchCode(traderId, token, {
      "if-none-match": afterRollback.headers.get("etag") ?? "",
    });
    expect(paused.status).toBe(200);
    expect(paused.headers.get("etag")).toBe(`"${v1Id}.paused"`);
    expect((await readCode(paused)).state).toBe("paused");
    await db.trader.update({ where: { id: traderId }, data: { state: "running" } });
  });

  it("answers 404 for another user's trader, a trader outside the key's scope and a bad id", async () => {
    const sibling = await seedTrader(db, { userId });
    const scoped = await seedApiKey(db, { userId, traderId: sibling.id });
    const stranger = (await seedUser(db)).id;
    const strangersTrader = await seedTrader(db, { userId: stranger });

    expect((await fetchCode(strangersTrader.id, token)).status).toBe(404);
    expect((await fetchCode(traderId, scoped.token)).status).toBe(404);
    expect((await fetchCode("not-a-uuid", token)).status).toBe(404);
    expect((await fetchCode(sibling.id, scoped.token)).status).toBe(200);
    const unauthenticated = await getTraderCode(
      jsonRequest(`/api/executor/traders/${traderId}/code`),
      { params: Promise.resolve({ id: traderId }) },
    );
    expect(unauthenticated.status).toBe(401);
  });
});

describe("GET /api/executor/traders", () => {
  it("lists the key's traders with the ETags the code endpoint answers, and 304 while unchanged", async () => {
    const userId = (await seedUser(db)).id;
    const first = await seedTrader(db, { userId, name: "A trader" });
    const second = await seedTrader(db, { userId, name: "B trader" });
    const stranger = (await seedUser(db)).id;
    await seedTrader(db, { userId: stranger });
    const { token } = await seedApiKey(db, { userId });

    const response = await fetchList(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-cache");
    const list = executorTraderListSchema.parse(await response.json());
    expect(list.data.map((item) => item.trader_id)).toEqual([first.id, second.id]);
    const codeEtag = (await fetchCode(first.id, token)).headers.get("etag");
    expect(list.data[0]).toEqual({
      trader_id: first.id,
      name: "A trader",
      state: "running",
      version_id: first.activeVersionId,
      version: 1,
      etag: codeEtag,
    });

    const listEtag = response.headers.get("etag") ?? "";
    expect((await fetchList(token, { "if-none-match": listEtag })).status).toBe(304);
    await deployCode({ userId, traderId: second.id, code: V2_CODE, source: "user" });
    const changed = await fetchList(token, { "if-none-match": listEtag });
    expect(changed.status).toBe(200);
    const updated = executorTraderListSchema.parse(await changed.json());
    expect(updated.data[1]).toMatchObject({ trader_id: second.id, version: 2 });
  });

  it("shows a key scoped to one trader only that trader", async () => {
    const userId = (await seedUser(db)).id;
    const scopedTrader = await seedTrader(db, { userId });
    await seedTrader(db, { userId });
    const { token } = await seedApiKey(db, { userId, traderId: scopedTrader.id });

    const list = executorTraderListSchema.parse(await (await fetchList(token)).json());
    expect(list.data.map((item) => item.trader_id)).toEqual([scopedTrader.id]);
  });
});
