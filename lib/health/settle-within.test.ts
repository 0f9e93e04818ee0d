import { describe, expect, it } from "vitest";
import { HealthCheckTimeoutError, settleWithin } from "@/lib/health/settle-within";

describe("settleWithin", () => {
  it("returns the value or the error of a prompt check", async () => {
    await expect(settleWithin(async () => 1, 100)).resolves.toEqual({ ok: true, value: 1 });
    const failure = new Error("down");
    await expect(
      settleWithin(async () => {
        throw failure;
      }, 100),
    ).resolves.toEqual({ ok: false, error: failure });
  });

  it("gives up on a hung check after the deadline", async () => {
    const started = performance.now();
    const settled = await settleWithin(() => new Promise(() => undefined), 50);
    expect(settled.ok).toBe(false);
    expect(settled.ok ? null : settled.error).toBeInstanceOf(HealthCheckTimeoutError);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
