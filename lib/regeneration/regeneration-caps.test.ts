import { describe, expect, it } from "vitest";
import {
  describeRemainingCaps,
  findCapRefusal,
  type RegenerationUsage,
} from "@/lib/regeneration/regeneration-caps";

const now = new Date("2026-11-20T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const caps = {
  dailyAttemptCap: 3,
  dailyTokenCap: 10_000,
  groupAttemptCap: 2,
  groupCooldownMinutes: 10,
};
const idle: RegenerationUsage = { window: [], groupAttempts: 0, lastGroupAttemptAt: null };

describe("findCapRefusal", () => {
  it("allows an attempt under every cap", () => {
    expect(findCapRefusal(caps, idle, now)).toBeNull();
  });

  it("reports the per-error cap first", () => {
    const usage = { ...idle, groupAttempts: 2, lastGroupAttemptAt: hoursAgo(0.01) };
    expect(findCapRefusal(caps, usage, now)).toEqual({ cap: "group_attempts", limit: 2 });
  });

  it("counts the cooldown from the group's last attempt", () => {
    const usage = { ...idle, lastGroupAttemptAt: new Date(now.getTime() - 4 * 60_000) };
    expect(findCapRefusal(caps, usage, now)).toEqual({
      cap: "cooldown",
      limit: 10,
      retryAfterSeconds: 360,
    });
    expect(findCapRefusal({ ...caps, groupCooldownMinutes: 0 }, usage, now)).toBeNull();
  });

  it("frees the daily attempt cap when enough of the oldest attempts leave the window", () => {
    // Four attempts against a cap of 3: two must age out, the second oldest decides.
    const window = [20, 18, 5, 1].map((hours) => ({ createdAt: hoursAgo(hours), tokens: 0 }));
    expect(findCapRefusal(caps, { ...idle, window }, now)).toEqual({
      cap: "daily_attempts",
      limit: 3,
      retryAfterSeconds: 6 * 3_600,
    });
  });

  it("frees the token cap when the remaining attempts used less than it", () => {
    const window = [
      { createdAt: hoursAgo(23), tokens: 1_000 },
      { createdAt: hoursAgo(22), tokens: 4_000 },
      { createdAt: hoursAgo(2), tokens: 6_000 },
    ];
    // Without the first: 10,000 (not under); without the first two: 6,000.
    expect(findCapRefusal({ ...caps, dailyAttemptCap: 10 }, { ...idle, window }, now)).toEqual({
      cap: "daily_tokens",
      limit: 10_000,
      retryAfterSeconds: 2 * 3_600,
    });
  });

  it("never frees a cap of zero", () => {
    expect(findCapRefusal({ ...caps, dailyAttemptCap: 0 }, idle, now)).toEqual({
      cap: "daily_attempts",
      limit: 0,
      retryAfterSeconds: null,
    });
  });
});

describe("describeRemainingCaps", () => {
  it("reports what is used and left, and a running cooldown", () => {
    const lastGroupAttemptAt = new Date(now.getTime() - 2 * 60_000);
    const usage: RegenerationUsage = {
      window: [{ createdAt: hoursAgo(3), tokens: 12_000 }],
      groupAttempts: 1,
      lastGroupAttemptAt,
    };
    expect(describeRemainingCaps(caps, usage, now)).toEqual({
      dailyAttempts: { used: 1, limit: 3, remaining: 2 },
      dailyTokens: { used: 12_000, limit: 10_000, remaining: 0 },
      groupAttempts: { used: 1, limit: 2, remaining: 1 },
      cooldownEndsAt: new Date(lastGroupAttemptAt.getTime() + 10 * 60_000),
    });
  });
});
