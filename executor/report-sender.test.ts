import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiClient } from "@/executor/api-client";
import { parseRetryAfterMs } from "@/executor/parse-retry-after";
import { type BreakerState, createReportSender, type ReportAnswer } from "@/executor/report-sender";
import { openSpool } from "@/executor/spool";

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };
type Received = { path: string; at: number; body: unknown };

// A server that answers each path from its own script, in order.
async function startScriptedServer(scripts: Record<string, Scripted[]>) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? "/";
    received.push({
      path: url,
      at: performance.now(),
      body: JSON.parse(Buffer.concat(chunks).toString()),
    });
    const next = scripts[url]?.shift() ?? { status: 599 };
    res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
    res.end(JSON.stringify(next.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const reportSchema = z.object({ path: z.string(), body: z.unknown() });

const problem = (status: number, detail: string) => ({
  type: "https://faultline.dev/problems/x",
  title: "x",
  status,
  detail,
  code: "validation_failed",
});

describe("createReportSender", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startScriptedServer>> | undefined;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "executor-sender-"));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  function setup(url: string) {
    const spool = openSpool({ dir, schema: reportSchema });
    const answers: Array<[string, ReportAnswer]> = [];
    const breaker: BreakerState[] = [];
    const logs: string[] = [];
    const sender = createReportSender({
      spool,
      client: createApiClient({ baseUrl: url, apiKey: "flk_test" }),
      policy: {
        maxRetries: 5,
        initialDelayMs: 20,
        maxDelayMs: 100,
        maxRetryAfterMs: 5_000,
        breakerThreshold: 3,
        halfOpenAfterMs: 300,
      },
      onAnswer: (entry, answer) => answers.push([entry.payload.path, answer]),
      onBreakerChange: (state) => breaker.push(state),
      log: (line) => logs.push(line),
    });
    return { spool, sender, answers, breaker, logs };
  }

  it("honours Retry-After, backs off on 429, drops a 400 unretried, opens and half-opens the breaker", async () => {
    server = await startScriptedServer({
      "/a": [
        { status: 503, headers: { "retry-after": "1" }, body: problem(503, "busy") },
        { status: 429, body: problem(429, "slow down") },
        { status: 201, body: { status: "processed" } },
      ],
      "/b": [{ status: 400, body: problem(400, "candle_time is not a date") }],
      "/c": [
        { status: 500 },
        { status: 500 },
        { status: 500 },
        { status: 200, body: { status: "already_processed" } },
      ],
    });
    const { spool, sender, answers, breaker, logs } = setup(server.url);
    for (const name of ["a", "b", "c"]) spool.enqueue({ path: `/${name}`, body: { name } });

    expect(await sender.drain()).toBe("circuit_open");
    const times = server.received.filter((r) => r.path === "/a").map((r) => r.at);
    expect(times).toHaveLength(3);
    // Retry-After: 1 second, not the 20 ms backoff.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    // No Retry-After on the 429: the jittered backoff, capped at 100 ms.
    expect(times[2]! - times[1]!).toBeLessThan(500);
    expect(server.received.filter((r) => r.path === "/b")).toHaveLength(1);
    expect(
      logs.some((line) => line.includes("400") && line.includes("candle_time is not a date")),
    ).toBe(true);
    expect(server.received.filter((r) => r.path === "/c")).toHaveLength(3);
    expect(breaker).toEqual(["open"]);
    expect(sender.breakerState()).toBe("open");
    expect(sender.counters()).toEqual({ sent: 1, retried: 4, dropped: 1, pending: 1 });

    // While open nothing reaches the server.
    expect(await sender.drain()).toBe("circuit_open");
    expect(server.received).toHaveLength(7);

    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await sender.drain()).toBe("empty");
    expect(breaker).toEqual(["open", "half_open", "closed"]);
    expect(server.received).toHaveLength(8);
    // already_processed is a definitive answer: sent, and gone from the spool.
    expect(sender.counters()).toEqual({ sent: 2, retried: 5, dropped: 1, pending: 0 });
    expect(answers.map(([p, answer]) => [p, answer.kind, answer.status])).toEqual([
      ["/a", "delivered", 201],
      ["/b", "rejected", 400],
      ["/c", "delivered", 200],
    ]);
    expect(spool.size).toBe(0);
    // Every resend carried the same body.
    expect(
      new Set(server.received.filter((r) => r.path === "/a").map((r) => JSON.stringify(r.body)))
        .size,
    ).toBe(1);
  });

  it("keeps the entry spooled when retries run out, and retries 408 but not 409", async () => {
    server = await startScriptedServer({
      "/a": [{ status: 408 }, { status: 201 }],
      "/b": [{ status: 409, body: problem(409, "schedule is inactive") }],
    });
    const { spool, sender } = setup(server.url);
    spool.enqueue({ path: "/a", body: {} });
    spool.enqueue({ path: "/b", body: {} });
    expect(await sender.drain()).toBe("empty");
    expect(server.received.map((r) => r.path)).toEqual(["/a", "/a", "/b"]);
    expect(sender.counters()).toEqual({ sent: 1, retried: 1, dropped: 1, pending: 0 });
  });

  it("leaves reports spooled while the server is unreachable and delivers them later", async () => {
    const unreachable = setup("http://127.0.0.1:1");
    unreachable.spool.enqueue({ path: "/a", body: {} });
    expect(await unreachable.sender.drain()).toBe("circuit_open");
    expect(unreachable.sender.counters()).toMatchObject({ sent: 0, dropped: 0, pending: 1 });
    unreachable.spool.close();

    server = await startScriptedServer({ "/a": [{ status: 201 }] });
    const restarted = setup(server.url);
    expect(await restarted.sender.drain()).toBe("empty");
    expect(restarted.sender.counters()).toEqual({ sent: 1, retried: 0, dropped: 0, pending: 0 });
  });
});

describe("parseRetryAfterMs", () => {
  it("reads delay-seconds and HTTP dates, and ignores garbage", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs("3", now)).toBe(3_000);
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});
