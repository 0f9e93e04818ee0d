import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { getAiSettings } from "@/lib/regeneration/ai-settings";
import {
  type CapRefusal,
  DAY_MS,
  findCapRefusal,
  type RegenerationUsage,
} from "@/lib/regeneration/regeneration-caps";

type Reader = Db | Prisma.TransactionClient;

// The operator's kill switch (AI_FIXES=off): no attempt starts, whatever users chose.
export function assertAiFixesEnabled(): void {
  if (env.AI_FIXES === "off") {
    throw new AppError(
      "unavailable",
      "AI fixes are turned off on this server. Fix the filter manually or ask the operator to enable them.",
    );
  }
}

// Attempts since this are the group's current occurrence: a regression starts a new one.
export function occurrenceStart(group: { regressedAt: Date | null }): Date {
  return group.regressedAt ?? new Date(0);
}

const readWindow = (db: Reader, userId: string, now: Date) =>
  db.regenerationAttempt.findMany({
    where: { userId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, tokensIn: true, tokensOut: true },
  });

// The user's last 24 h, for the settings page.
export async function readDailyUsage(
  db: Reader,
  { userId, now = new Date() }: { userId: string; now?: Date },
): Promise<{ attempts: number; tokens: number }> {
  const window = await readWindow(db, userId, now);
  return {
    attempts: window.length,
    tokens: window.reduce((total, entry) => total + entry.tokensIn + entry.tokensOut, 0),
  };
}

export async function readRegenerationUsage(
  db: Reader,
  { userId, groupId, since, now }: { userId: string; groupId: string; since: Date; now: Date },
): Promise<RegenerationUsage> {
  const [window, groupAttempts, lastGroupAttempt] = await Promise.all([
    readWindow(db, userId, now),
    db.regenerationAttempt.count({ where: { userId, groupId, createdAt: { gte: since } } }),
    db.regenerationAttempt.findFirst({
      where: { userId, groupId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, completedAt: true },
    }),
  ]);
  return {
    window: window.map((entry) => ({
      createdAt: entry.createdAt,
      tokens: entry.tokensIn + entry.tokensOut,
    })),
    groupAttempts,
    lastGroupAttemptAt: lastGroupAttempt
      ? (lastGroupAttempt.completedAt ?? lastGroupAttempt.createdAt)
      : null,
  };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.ceil(minutes / 60)} h`;
}

const retryAfter = (seconds: number | null) =>
  seconds === null ? "" : ` Try again in ${formatWait(seconds)}.`;

const CHANGE_HINT = "You can change it in Settings → AI fixes, or fix the filter manually.";

export function toCapError(refusal: CapRefusal): AppError {
  switch (refusal.cap) {
    case "group_attempts":
      return new AppError(
        "conflict",
        `This error already had ${refusal.limit} AI fix attempts, the per-error limit. ${CHANGE_HINT}`,
      );
    case "cooldown":
      return new AppError(
        "rate_limited",
        `This error had an AI fix attempt less than ${refusal.limit} min ago (the cooldown).${retryAfter(refusal.retryAfterSeconds)}`,
        undefined,
        { retryAfterSeconds: refusal.retryAfterSeconds },
      );
    case "daily_attempts":
      return new AppError(
        "rate_limited",
        `You reached your daily limit of ${refusal.limit} AI fix attempts.${retryAfter(refusal.retryAfterSeconds)} ${CHANGE_HINT}`,
        undefined,
        { retryAfterSeconds: refusal.retryAfterSeconds ?? undefined },
      );
    case "daily_tokens":
      return new AppError(
        "rate_limited",
        `You reached your daily limit of ${refusal.limit.toLocaleString("en-US")} AI tokens.${retryAfter(refusal.retryAfterSeconds)} ${CHANGE_HINT}`,
        undefined,
        { retryAfterSeconds: refusal.retryAfterSeconds ?? undefined },
      );
  }
}

/**
 * Enforces the user's caps before an attempt is created, in the transaction that
 * creates it (after the group row is locked). A per-user transaction lock makes the
 * check and the insert one step: two requests for different groups cannot both take
 * the last attempt of a daily cap. Tokens are counted once an attempt has ended, so
 * attempts running in parallel can overshoot the token cap by their own usage.
 */
export async function assertRegenerationAllowed(
  tx: Prisma.TransactionClient,
  { userId, groupId, since, now }: { userId: string; groupId: string; since: Date; now: Date },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`faultline:regeneration:${userId}`}, 0))`;
  const settings = await getAiSettings({ userId, db: tx });
  const usage = await readRegenerationUsage(tx, { userId, groupId, since, now });
  const refusal = findCapRefusal(settings, usage, now);
  if (refusal) throw toCapError(refusal);
}
