import type { AiSettingsValues } from "@/lib/regeneration/ai-settings-schema";

export const DAY_MS = 24 * 60 * 60_000;

type CapSettings = Pick<
  AiSettingsValues,
  "dailyAttemptCap" | "dailyTokenCap" | "groupAttemptCap" | "groupCooldownMinutes"
>;

// What the ledger (regeneration_attempts) says about a user and one of their groups.
export type RegenerationUsage = {
  /** The user's attempts of the last 24 h, oldest first. */
  window: { createdAt: Date; tokens: number }[];
  /** Attempts for the group since its last regression. */
  groupAttempts: number;
  /** When the group's latest attempt ended (or began, while in flight). */
  lastGroupAttemptAt: Date | null;
};

export type CapRefusal =
  | { cap: "group_attempts"; limit: number }
  | { cap: "cooldown"; limit: number; retryAfterSeconds: number }
  | { cap: "daily_attempts"; limit: number; retryAfterSeconds: number | null }
  | { cap: "daily_tokens"; limit: number; retryAfterSeconds: number | null };

export type RemainingCaps = {
  dailyAttempts: { used: number; limit: number; remaining: number };
  dailyTokens: { used: number; limit: number; remaining: number };
  groupAttempts: { used: number; limit: number; remaining: number };
  cooldownEndsAt: Date | null;
};

const secondsUntil = (at: number, now: Date) =>
  Math.max(Math.ceil((at - now.getTime()) / 1_000), 1);

// The sliding 24 h window frees up as its oldest attempts age out: the first moment
// the remaining ones are under the limit again. Null when that never happens (limit 0).
function windowRetryAfter(
  window: RegenerationUsage["window"],
  isUnder: (remaining: RegenerationUsage["window"]) => boolean,
  now: Date,
): number | null {
  for (let index = 0; index < window.length; index += 1) {
    if (isUnder(window.slice(index + 1))) {
      return secondsUntil(window[index]!.createdAt.getTime() + DAY_MS, now);
    }
  }
  return null;
}

const sumTokens = (window: RegenerationUsage["window"]) =>
  window.reduce((total, entry) => total + entry.tokens, 0);

function cooldownEndsAt(settings: CapSettings, usage: RegenerationUsage): Date | null {
  if (!usage.lastGroupAttemptAt || settings.groupCooldownMinutes === 0) return null;
  return new Date(usage.lastGroupAttemptAt.getTime() + settings.groupCooldownMinutes * 60_000);
}

// Pure: the first cap a new attempt would break, the most specific first.
export function findCapRefusal(
  settings: CapSettings,
  usage: RegenerationUsage,
  now: Date,
): CapRefusal | null {
  if (usage.groupAttempts >= settings.groupAttemptCap) {
    return { cap: "group_attempts", limit: settings.groupAttemptCap };
  }
  const cooldownEnd = cooldownEndsAt(settings, usage);
  if (cooldownEnd && cooldownEnd.getTime() > now.getTime()) {
    return {
      cap: "cooldown",
      limit: settings.groupCooldownMinutes,
      retryAfterSeconds: secondsUntil(cooldownEnd.getTime(), now),
    };
  }
  const { window } = usage;
  if (window.length >= settings.dailyAttemptCap) {
    return {
      cap: "daily_attempts",
      limit: settings.dailyAttemptCap,
      retryAfterSeconds: windowRetryAfter(
        window,
        (rest) => rest.length < settings.dailyAttemptCap,
        now,
      ),
    };
  }
  if (sumTokens(window) >= settings.dailyTokenCap) {
    return {
      cap: "daily_tokens",
      limit: settings.dailyTokenCap,
      retryAfterSeconds: windowRetryAfter(
        window,
        (rest) => sumTokens(rest) < settings.dailyTokenCap,
        now,
      ),
    };
  }
  return null;
}

export function describeRemainingCaps(
  settings: CapSettings,
  usage: RegenerationUsage,
  now: Date,
): RemainingCaps {
  const tokens = sumTokens(usage.window);
  const cooldownEnd = cooldownEndsAt(settings, usage);
  const left = (limit: number, used: number) => Math.max(limit - used, 0);
  return {
    dailyAttempts: {
      used: usage.window.length,
      limit: settings.dailyAttemptCap,
      remaining: left(settings.dailyAttemptCap, usage.window.length),
    },
    dailyTokens: {
      used: tokens,
      limit: settings.dailyTokenCap,
      remaining: left(settings.dailyTokenCap, tokens),
    },
    groupAttempts: {
      used: usage.groupAttempts,
      limit: settings.groupAttemptCap,
      remaining: left(settings.groupAttemptCap, usage.groupAttempts),
    },
    cooldownEndsAt: cooldownEnd && cooldownEnd.getTime() > now.getTime() ? cooldownEnd : null,
  };
}
