import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// A server that accepts connections and never answers: the worst case, as the pool's
// connect timeout is all that stands between the check and a hang. (A refused port
// fails at once; the silent one proves the bound.)
const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => sockets.add(socket));
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const { port } = silent.address() as net.AddressInfo;
process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/faultline`;

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("GET /api/health with the database down", () => {
  it("answers 503 unhealthy within 2 s, with the rest of the report still filled in", async () => {
    const { GET } = await import("@/app/api/health/route");
    const started = performance.now();
    const response = await GET(jsonRequest("/api/health"), noParams);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    expect(response.status).toBe(503);
    const body = await response.json();
    // The 503 body is the documented report, nothing more.
    const { healthReportSchema } = await import("@/lib/health/health-response");
    expect(healthReportSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      status: "unhealthy",
      reasons: ["database_unreachable"],
      components: {
        database: { status: "down" },
        jobs: { status: "unknown" },
        error_tracking: { status: "unknown", unresolved: null },
        llm: { circuit: { state: "closed" } },
      },
    });
    expect(JSON.stringify(body)).not.toContain(String(port));
  });

  it("keeps /api/health/live at 200: the process itself is fine", async () => {
    const { GET } = await import("@/app/api/health/live/route");
    const response = await GET(jsonRequest("/api/health/live"), noParams);
    expect(response.status).toBe(200);
  });
});
