import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/[projectId]/envelope/route";
import { getDb } from "@/lib/db";
import { formatTraderDsn } from "@/lib/sentry/format-dsn";
import { generateSentryEventId, sentryIdToUuid } from "@/lib/sentry/sentry-event-id";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { startRouteHttpServer } from "@/tests/support/route-http-server";

const db = getDb();

type TransportOptions = Parameters<typeof Sentry.makeNodeTransport>[0];

// The SDK's own HTTP transport, recording the status codes our endpoint answered.
function recordingTransport(statuses: number[]) {
  return (options: TransportOptions) => {
    const transport = Sentry.makeNodeTransport(options);
    return {
      ...transport,
      send: async (...args: Parameters<typeof transport.send>) => {
        const result = await transport.send(...args);
        statuses.push(result.statusCode ?? 0);
        return result;
      },
    };
  };
}

// An SDK client of its own, so a second DSN does not fight Sentry.init's global one.
function createIsolatedClient(dsn: string) {
  const statuses: number[] = [];
  const client = new Sentry.NodeClient({
    dsn,
    integrations: [],
    stackParser: Sentry.defaultStackParser,
    transport: recordingTransport(statuses),
  });
  const scope = new Sentry.Scope();
  scope.setClient(client);
  client.init();
  return { client, scope, statuses };
}

function findEvent(userId: string, sentryEventId: string) {
  return db.errorEvent.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey: sentryIdToUuid(sentryEventId) } },
  });
}

function buildEnvelope(eventId: string, event: Record<string, unknown>): Buffer {
  const lines = [
    JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString() }),
    JSON.stringify({ type: "session" }),
    JSON.stringify({ sid: "s1", status: "ok" }),
    JSON.stringify({ type: "event" }),
    JSON.stringify({ event_id: eventId, platform: "python", level: "error", ...event }),
  ];
  return Buffer.from(lines.join("\n"));
}

function pythonEvent(value: string) {
  return {
    timestamp: "2026-11-20T09:05:00Z",
    exception: {
      values: [
        {
          type: "ZeroDivisionError",
          value,
          stacktrace: {
            frames: [{ filename: "filter.py", function: "filter", lineno: 7, colno: 4 }],
          },
        },
      ],
    },
  };
}

describe("POST /api/<projectId>/envelope/ (Sentry SDK compatibility)", () => {
  let server: Awaited<ReturnType<typeof startRouteHttpServer>>;
  let userId: string;
  let trader: { id: string; dsnPublicKey: string; projectId: number };
  let otherTrader: { id: string; dsnPublicKey: string; projectId: number };
  const sdkStatuses: number[] = [];

  function envelopeUrl(projectId: number | string, key?: string) {
    const query = key === undefined ? "" : `?sentry_version=7&sentry_key=${key}`;
    return `${server.url}/api/${projectId}/envelope/${query}`;
  }

  function postEnvelope(body: Buffer, headers: Record<string, string> = {}, key?: string) {
    return fetch(envelopeUrl(trader.projectId, key ?? trader.dsnPublicKey), {
      method: "POST",
      headers: { "content-type": "application/x-sentry-envelope", ...headers },
      body: new Uint8Array(body),
    });
  }

  beforeAll(async () => {
    userId = (await seedUser(db)).id;
    trader = await seedTrader(db, { userId });
    otherTrader = await seedTrader(db, { userId: (await seedUser(db)).id });
    server = await startRouteHttpServer([
      { method: "POST", path: "/api/[projectId]/envelope/", handler: POST },
    ]);
    Sentry.init({
      dsn: formatTraderDsn(trader, server.url),
      defaultIntegrations: false,
      release: "filters@1.4.0",
      environment: "test",
      transport: recordingTransport(sdkStatuses),
    });
  });

  afterAll(async () => {
    await Sentry.close(2_000);
    await server?.close();
  });

  it("stores an exception captured by the real @sentry/node SDK", async () => {
    Sentry.setTag("trigger_interval", "5m");
    const eventId = Sentry.captureException(
      new TypeError("Cannot read properties of undefined (reading 'close')"),
    );
    expect(await Sentry.flush(5_000)).toBe(true);
    expect(sdkStatuses.at(-1)).toBe(200);

    const request = server.received.at(-1);
    expect(request?.url).toMatch(new RegExp(`^/api/${trader.projectId}/envelope/\\?`));
    const stored = await findEvent(userId, eventId);
    expect(stored).toMatchObject({
      traderId: trader.id,
      source: "sentry",
      errorType: "runtime",
      errorMessage: "TypeError: Cannot read properties of undefined (reading 'close')",
      triggerInterval: "5m",
    });
    expect(stored?.stackTrace).toMatch(
      /^TypeError: Cannot read properties[^\n]*\n {4}at .*sentry-envelope\.test\.ts:\d+:\d+\)/,
    );
    expect(stored?.context).toMatchObject({
      level: "error",
      release: "filters@1.4.0",
      environment: "test",
      platform: "node",
      sdk: { name: "sentry.javascript.node" },
      tags: { trigger_interval: "5m" },
    });
  });

  it("groups two SDK events that differ only in variable parts", async () => {
    const first = Sentry.captureException(new RangeError("RSI is NaN for BTCUSDT at candle 17"));
    const second = Sentry.captureException(new RangeError("RSI is NaN for ETHUSDT at candle 42"));
    expect(await Sentry.flush(5_000)).toBe(true);
    const [a, b] = await Promise.all([findEvent(userId, first), findEvent(userId, second)]);
    expect(a?.groupId).toBeDefined();
    expect(b?.groupId).toBe(a?.groupId);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: a?.groupId } });
    expect(group).toMatchObject({ userId, traderId: trader.id, eventCount: 2 });
  });

  it("accepts the SDK's gzipped envelope for a large event", async () => {
    const eventId = Sentry.captureException(new Error("big context"), {
      extra: { candles: "x".repeat(40_000) },
    });
    expect(await Sentry.flush(5_000)).toBe(true);
    expect(server.received.at(-1)?.headers["content-encoding"]).toBe("gzip");
    expect(sdkStatuses.at(-1)).toBe(200);
    const stored = await findEvent(userId, eventId);
    const extra = (stored?.context as { extra?: { candles?: string } } | null)?.extra;
    expect(extra?.candles?.length).toBeLessThanOrEqual(1_000);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ])("decodes a %s envelope and stores only its event item", async (encoding, compress) => {
    const eventId = generateSentryEventId();
    const body = compress(buildEnvelope(eventId, pythonEvent(`division by zero (${encoding})`)));
    const response = await postEnvelope(body, { "content-encoding": encoding });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: eventId });
    const stored = await findEvent(userId, eventId);
    expect(stored).toMatchObject({
      source: "sentry",
      errorMessage: `ZeroDivisionError: division by zero (${encoding})`,
      stackTrace: `ZeroDivisionError: division by zero (${encoding})\n    at filter (filter.py:7:4)`,
      occurredAt: new Date("2026-11-20T09:05:00Z"),
    });
  });

  it("authenticates with the X-Sentry-Auth header", async () => {
    const eventId = generateSentryEventId();
    const response = await fetch(envelopeUrl(trader.projectId), {
      method: "POST",
      headers: {
        "x-sentry-auth": `Sentry sentry_version=7, sentry_client=sentry.python/2.0, sentry_key=${trader.dsnPublicKey}`,
      },
      body: new Uint8Array(buildEnvelope(eventId, pythonEvent("header auth"))),
    });
    expect(response.status).toBe(200);
    expect(await findEvent(userId, eventId)).not.toBeNull();
  });

  it("stores a replayed envelope once", async () => {
    const eventId = generateSentryEventId();
    const body = buildEnvelope(eventId, pythonEvent("replayed"));
    const responses = [await postEnvelope(body), await postEnvelope(body)];
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const rows = await db.errorEvent.findMany({
      where: { userId, idempotencyKey: sentryIdToUuid(eventId) },
    });
    expect(rows).toHaveLength(1);
    const group = await db.errorGroup.findUniqueOrThrow({ where: { id: rows[0]?.groupId } });
    expect(group.eventCount).toBe(1);
  });

  it("answers 401 alike for a wrong key, another trader's key and an unknown project", async () => {
    const countBefore = await db.errorEvent.count({ where: { traderId: trader.id } });
    const wrongKey = createIsolatedClient(
      formatTraderDsn({ ...trader, dsnPublicKey: "f".repeat(32) }, server.url),
    );
    wrongKey.scope.captureException(new Error("should not be stored"));
    expect(await wrongKey.client.flush(5_000)).toBe(true);
    expect(wrongKey.statuses).toEqual([401]);
    await wrongKey.client.close();

    const body = new Uint8Array(buildEnvelope(generateSentryEventId(), pythonEvent("nope")));
    const attempts = [
      envelopeUrl(trader.projectId, otherTrader.dsnPublicKey),
      envelopeUrl(trader.projectId),
      envelopeUrl(2_000_000_000, trader.dsnPublicKey),
      envelopeUrl("not-a-number", trader.dsnPublicKey),
    ];
    const responses = await Promise.all(
      attempts.map((url) => fetch(url, { method: "POST", body })),
    );
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0] ?? "")).toMatchObject({ code: "unauthorized" });
    expect(await db.errorEvent.count({ where: { traderId: trader.id } })).toBe(countBefore);
  });

  it("answers 400 problem+json for a malformed envelope", async () => {
    const response = await postEnvelope(
      Buffer.from('{"event_id":"x"}\n{"type":"event","length":999}\n{}'),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "bad_request",
      detail: expect.stringContaining("declares 999 bytes"),
    });
  });

  it("answers 413 for a body that is too large, before or after decompression", async () => {
    const huge = await postEnvelope(Buffer.alloc(1_100_000, 0x20));
    expect(huge.status).toBe(413);
    const bomb = await postEnvelope(gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x20)), {
      "content-encoding": "gzip",
    });
    expect(bomb.status).toBe(413);
    expect(await bomb.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("accepts an envelope without event items", async () => {
    const body = Buffer.from('{}\n{"type":"client_report"}\n{"discarded_events":[]}\n');
    const response = await postEnvelope(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });
});
