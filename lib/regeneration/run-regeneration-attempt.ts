import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { AttemptStatus } from "@/lib/generated/prisma/enums";
import { getLlmClient, type LlmClient } from "@/lib/llm/llm-client";
import { LlmError } from "@/lib/llm/llm-error";
import { buildFixPrompt } from "@/lib/regeneration/build-fix-prompt";
import { collectVerificationInputs } from "@/lib/regeneration/collect-verification-inputs";
import { type Completion, completeAttempt } from "@/lib/regeneration/complete-attempt";
import { filterInputFromContext } from "@/lib/regeneration/filter-input-from-context";
import { generateVerifiedFix } from "@/lib/regeneration/generate-verified-fix";
import {
  findPreviousVersion,
  loadAttemptContext,
  resolveFailingCode,
} from "@/lib/regeneration/load-attempt-context";
import { runBaseline } from "@/lib/regeneration/verify-candidate";

export type RegenerationDependencies = {
  /** The model client; the environment's by default. Tests point it at a fake server. */
  getLlm?: () => LlmClient;
  maxRounds?: number;
};

export type RegenerationOutcome = { attemptId: string; status: AttemptStatus };

const attemptIdSchema = z.uuid();

const failedWith = (error: string): Completion => ({ status: "failed", error, run: null });

async function generateForAttempt(
  attemptId: string,
  dependencies: RegenerationDependencies,
): Promise<Completion> {
  const db = getDb();
  const context = await loadAttemptContext(db, attemptId);
  if (!context) return failedWith("The error group or trader no longer exists.");
  const failingCode = resolveFailingCode(context);
  if (!failingCode) return failedWith("There is no filter code to repair.");
  const { attempt, group, latestEvent } = context;
  let llm: LlmClient;
  try {
    llm = (dependencies.getLlm ?? getLlmClient)();
  } catch (error) {
    // Not configured: a clear, expected failure before any sandbox work.
    if (error instanceof LlmError) return failedWith(error.message);
    throw error;
  }
  const failing = filterInputFromContext(latestEvent?.context ?? null, {
    interval: latestEvent?.triggerInterval,
    seedKey: latestEvent?.id ?? attempt.groupId,
  });
  const previousVersion = await findPreviousVersion(db, {
    traderId: attempt.traderId,
    version: failingCode.version,
  });
  const prompt = buildFixPrompt({
    errorType: latestEvent?.errorType ?? group.errorType,
    errorMessage: latestEvent?.errorMessage ?? group.title,
    stackTrace: latestEvent?.stackTrace ?? null,
    eventCount: group.eventCount,
    code: failingCode.code,
    codeVersion: failingCode.version,
    failingInput: failing,
    previousVersion,
  });

  const inputs = await collectVerificationInputs(db, {
    userId: attempt.userId,
    traderId: attempt.traderId,
    failing,
    failingEventId: latestEvent?.id ?? null,
  });
  const baseline = await runBaseline({ code: failingCode.code, inputs });
  const result = await generateVerifiedFix({
    llm,
    prompt,
    failingCode: failingCode.code,
    inputs,
    baseline,
    maxRounds: dependencies.maxRounds ?? env.REGENERATION_MAX_ROUNDS,
    telemetry: {
      functionId: "faultline.regenerate",
      context: { attemptId, userId: attempt.userId },
    },
  });
  return {
    status: result.proposal ? "proposed" : "failed",
    error: result.error,
    run: { model: llm.model, promptHash: prompt.promptHash, result },
  };
}

// Runs one queued attempt to `proposed` or `failed`. Safe to call twice (a job retry,
// a duplicate kick): only the call that moves it from queued to running does any work;
// the others answer its current status. Returns null for an unknown attempt.
export async function runRegenerationAttempt(
  { attemptId }: { attemptId: string },
  dependencies: RegenerationDependencies = {},
): Promise<RegenerationOutcome | null> {
  if (!attemptIdSchema.safeParse(attemptId).success) return null;
  const db = getDb();
  const claimed = await db.regenerationAttempt.updateMany({
    where: { id: attemptId, status: "queued" },
    data: { status: "running" },
  });
  if (claimed.count === 0) {
    const existing = await db.regenerationAttempt.findUnique({
      where: { id: attemptId },
      select: { status: true },
    });
    return existing ? { attemptId, status: existing.status } : null;
  }
  try {
    await completeAttempt(attemptId, await generateForAttempt(attemptId, dependencies));
  } catch (error) {
    // Unexpected (database, sandbox crash): leave a failed attempt, not one stuck
    // running that blocks new requests, then let the caller's retry/logging see it.
    await completeAttempt(
      attemptId,
      failedWith("The fix could not be generated because of an internal error."),
    ).catch(() => undefined);
    throw error;
  }
  const stored = await db.regenerationAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { status: true },
  });
  return { attemptId, status: stored.status };
}
