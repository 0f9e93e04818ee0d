import { describe, expect, it } from "vitest";
import { createInMemoryRateLimiter } from "@/lib/rate-limit/in-memory-rate-limiter";

const MINUTE = 60_000;

function fakeClock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("createInMemoryRateLimiter", () => {
  it("allows up to the limit, then denies without consuming", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    expect(await limiter.consume("k", 7, 10, MINUTE)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      remaining: 3,
    });
    const denied = await limiter.consume("k", 4, 10, MINUTE);
    expect(denied).toMatchObject({ allowed: false, remaining: 3 });
    // The denied call took nothing: the 3 units left are still there.
    expect(await limiter.consume("k", 3, 10, MINUTE)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
  });

  it("says how long until the cost fits again, and keeps its word", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    await limiter.consume("k", 60, 60, MINUTE);
    // 60 per minute = 1 per second, so 5 units need 5 s.
    const denied = await limiter.consume("k", 5, 60, MINUTE);
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
    clock.advance(4_900);
    expect((await limiter.consume("k", 5, 60, MINUTE)).allowed).toBe(false);
    clock.advance(100);
    expect((await limiter.consume("k", 5, 60, MINUTE)).allowed).toBe(true);
  });

  it("never answers Retry-After below 1 second", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    await limiter.consume("k", 6_000, 6_000, MINUTE);
    expect(await limiter.consume("k", 1, 6_000, MINUTE)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it("refills completely after a whole window", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    await limiter.consume("k", 10, 10, MINUTE);
    clock.advance(MINUTE);
    expect(await limiter.consume("k", 10, 10, MINUTE)).toMatchObject({
      allowed: true,
      remaining: 0,
    });
  });

  it("denies a cost above the limit for a whole window", async () => {
    const limiter = createInMemoryRateLimiter({ now: fakeClock().now });
    expect(await limiter.consume("k", 11, 10, MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      remaining: 10,
    });
  });

  it("keeps keys independent", async () => {
    const limiter = createInMemoryRateLimiter({ now: fakeClock().now });
    await limiter.consume("a", 10, 10, MINUTE);
    expect((await limiter.consume("a", 1, 10, MINUTE)).allowed).toBe(false);
    expect((await limiter.consume("b", 1, 10, MINUTE)).allowed).toBe(true);
  });

  it("forgets keys that have been idle for a window", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    for (let index = 0; index < 50; index++) await limiter.consume(`key-${index}`, 1, 10, MINUTE);
    expect(limiter.size).toBe(50);
    clock.advance(MINUTE);
    await limiter.consume("fresh", 1, 10, MINUTE);
    expect(limiter.size).toBe(1);
  });

  it("keeps a recently used key while evicting idle ones", async () => {
    const clock = fakeClock();
    const limiter = createInMemoryRateLimiter({ now: clock.now });
    await limiter.consume("old", 1, 10, MINUTE);
    await limiter.consume("busy", 10, 10, MINUTE);
    clock.advance(MINUTE / 2);
    await limiter.consume("busy", 0, 10, MINUTE);
    clock.advance(MINUTE / 2);
    await limiter.consume("other", 1, 10, MINUTE);
    expect(limiter.size).toBe(2);
    // "busy" was not reset to full: only one minute's refill (10) since it was drained.
    expect(await limiter.consume("busy", 10, 10, MINUTE)).toMatchObject({ allowed: true });
    expect((await limiter.consume("busy", 1, 10, MINUTE)).allowed).toBe(false);
  });

  it("caps the number of tracked keys", async () => {
    const limiter = createInMemoryRateLimiter({ now: fakeClock().now, maxKeys: 3 });
    for (const key of ["a", "b", "c", "d", "e"]) await limiter.consume(key, 1, 10, MINUTE);
    expect(limiter.size).toBe(3);
  });

  it("rejects nonsensical limits instead of silently allowing everything", async () => {
    const limiter = createInMemoryRateLimiter();
    await expect(limiter.consume("k", 1, 0, MINUTE)).rejects.toThrow(RangeError);
    await expect(limiter.consume("k", -1, 10, MINUTE)).rejects.toThrow(RangeError);
  });
});
