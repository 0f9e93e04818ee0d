import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { enforceIngestRateLimit } from "@/lib/rate-limit/enforce-ingest-rate-limit";
import { createInMemoryRateLimiter } from "@/lib/rate-limit/in-memory-rate-limiter";
import type { RateLimitPolicy } from "@/lib/rate-limit/rate-limit-policy";

const policy: RateLimitPolicy = { perKeyPerMinute: 100, perUserPerMinute: 150 };

function setup() {
  let now = 0;
  const limiter = createInMemoryRateLimiter({ now: () => now });
  return {
    advance(ms: number) {
      now += ms;
    },
    enforce(options: { keyId: string | null; userId: string; cost: number }) {
      return enforceIngestRateLimit({ ...options, policy, limiter });
    },
  };
}

async function catchAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("enforceIngestRateLimit", () => {
  it("allows traffic under both limits and reports what is left", async () => {
    const { enforce } = setup();
    expect(await enforce({ keyId: "key-1", userId: "user-1", cost: 40 })).toEqual({
      remaining: 60,
    });
  });

  it("rejects the event past the key limit with Retry-After and names the key limit", async () => {
    const { enforce } = setup();
    await enforce({ keyId: "key-1", userId: "user-1", cost: 100 });
    const error = await catchAppError(enforce({ keyId: "key-1", userId: "user-1", cost: 1 }));
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/API key rate limit/);
    expect(error.message).toContain("100 events per minute");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("allows the key again once the window has passed", async () => {
    const { enforce, advance } = setup();
    await enforce({ keyId: "key-1", userId: "user-1", cost: 100 });
    await expect(enforce({ keyId: "key-1", userId: "user-1", cost: 100 })).rejects.toThrow(
      AppError,
    );
    advance(60_000);
    await expect(enforce({ keyId: "key-1", userId: "user-1", cost: 100 })).resolves.toBeDefined();
  });

  it("counts every event of a batch", async () => {
    const { enforce } = setup();
    await enforce({ keyId: "key-1", userId: "user-1", cost: 99 });
    // A batch of 2 does not fit in the single remaining event.
    const error = await catchAppError(enforce({ keyId: "key-1", userId: "user-1", cost: 2 }));
    expect(error.code).toBe("rate_limited");
    await expect(enforce({ keyId: "key-1", userId: "user-1", cost: 1 })).resolves.toEqual({
      remaining: 0,
    });
  });

  it("applies the user limit across the user's keys", async () => {
    const { enforce } = setup();
    await enforce({ keyId: "key-a", userId: "user-1", cost: 80 });
    await enforce({ keyId: "key-b", userId: "user-1", cost: 70 });
    // key-b has 30 left of its own limit, but the user has spent all 150.
    const error = await catchAppError(enforce({ keyId: "key-b", userId: "user-1", cost: 1 }));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/Account rate limit/);
    expect(error.message).toContain("150 events per minute");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another user is unaffected.
    await expect(enforce({ keyId: "key-c", userId: "user-2", cost: 100 })).resolves.toEqual({
      remaining: 0,
    });
  });

  it("charges DSN traffic (no key) to the user only", async () => {
    const { enforce } = setup();
    await enforce({ keyId: null, userId: "user-1", cost: 150 });
    const error = await catchAppError(enforce({ keyId: null, userId: "user-1", cost: 1 }));
    expect(error.message).toMatch(/Account rate limit/);
  });
});
