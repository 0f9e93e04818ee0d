import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// Port 1 on loopback refuses connections: the database is "down" for this file only.
process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/faultline";

afterEach(() => {
  vi.restoreAllMocks();
});

function stderrLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls
    .map((call) => call[0])
    .filter((line): line is string => typeof line === "string" && line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("logSystemError with the database down", () => {
  it("writes one structured JSON line to stderr, resolves fast and never throws", async () => {
    const { logSystemError } = await import("@/lib/system-errors/log-system-error");
    const stderr = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The first query of a process also loads Prisma's query compiler: not what is measured.
    await logSystemError({
      errorType: "warm_up",
      severity: "low",
      component: "health",
      message: `warm ${randomUUID()}`,
    });
    stderr.mockClear();

    const message = `Resend unreachable ${randomUUID()}`;
    const started = performance.now();
    const result = await logSystemError({
      errorType: "email_delivery_failed",
      severity: "critical",
      component: "email",
      message,
      error: new Error("socket hang up"),
      jobId: "job-7",
      context: { attempts: Number.NaN },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({ stored: false, reason: "database_unavailable" });

    const lines = stderrLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      source: "system_error",
      reason: "database_unavailable",
      error_type: "email_delivery_failed",
      severity: "critical",
      component: "email",
      message,
      job_id: "job-7",
      context: { attempts: null, error: "Error: socket hang up" },
    });
    expect(String(lines[0]?.stack_trace)).toContain("socket hang up");

    // Repeats of the same failure do not flood the log either.
    await logSystemError({
      errorType: "email_delivery_failed",
      severity: "critical",
      component: "email",
      message,
    });
    expect(stderrLines(stderr)).toHaveLength(1);
  });
});
