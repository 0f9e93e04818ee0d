import { describe, expect, it } from "vitest";
import { jsonRequest, noParams } from "@/tests/support/api-request";

// Port 1 on loopback refuses connections: the database is "down" for this file only.
process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/faultline";

describe("POST /api/errors with the database down", () => {
  it("answers 503 with Retry-After within 2 s instead of a 500 or a hang", async () => {
    const { POST } = await import("@/app/api/errors/route");
    const token = `fl_${"A".repeat(12)}_${"b".repeat(43)}`;
    const send = () =>
      POST(
        jsonRequest("/api/errors", { token, body: { error_type: "runtime", error_message: "x" } }),
        noParams,
      );
    // The first query of a process also loads Prisma's query compiler (seconds, cold):
    // the promise is about a running server, so measure the second request.
    expect((await send()).status).toBe(503);
    const started = performance.now();
    const response = await send();
    const elapsed = performance.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ code: "unavailable" });
    expect(elapsed).toBeLessThan(2_000);
  });
});
