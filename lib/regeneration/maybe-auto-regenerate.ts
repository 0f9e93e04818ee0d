import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { ExecutionErrorType, RegenerationPolicy } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { getAiSettings } from "@/lib/regeneration/ai-settings";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";

export type AutoRegenerationResult =
  | { result: "requested"; attemptId: string; isNew: boolean }
  | {
      result: "skipped";
      reason:
        | "ai_fixes_off"
        | "missing"
        | "policy_off"
        | "error_type"
        | "status"
        | "below_threshold"
        | "refused";
      message?: string;
    };

// Timeouts and panics are usually the market or the host, not code a model can repair.
const policyErrorTypes: Record<RegenerationPolicy, readonly ExecutionErrorType[]> = {
  off: [],
  compile_runtime: ["compilation", "runtime"],
  all: ["compilation", "runtime", "timeout", "panic"],
};

export function isAutoFixedType(policy: RegenerationPolicy, errorType: ExecutionErrorType) {
  return policyErrorTypes[policy].includes(errorType);
}

/**
 * The automatic trigger for one error group, on behalf of its owner: queues an attempt
 * when the owner's policy covers the error type and the group has reached the event
 * threshold, once per occurrence (a regression starts a new one). Below the threshold
 * nothing happens; the periodic sweep (sweepAutoRegeneration) comes back once later
 * events push the group over it. A cap refusal is a skip, not an error: the sweep
 * retries once the cap allows.
 */
export async function maybeAutoRegenerate({
  groupId,
  now = new Date(),
}: {
  groupId: string;
  now?: Date;
}): Promise<AutoRegenerationResult> {
  if (env.AI_FIXES === "off") return { result: "skipped", reason: "ai_fixes_off" };
  const group = await getDb().errorGroup.findUnique({
    where: { id: groupId },
    select: { userId: true, errorType: true, status: true, eventCount: true },
  });
  if (!group) return { result: "skipped", reason: "missing" };
  const settings = await getAiSettings({ userId: group.userId });
  if (settings.regenerationPolicy === "off") return { result: "skipped", reason: "policy_off" };
  if (!isAutoFixedType(settings.regenerationPolicy, group.errorType)) {
    return { result: "skipped", reason: "error_type" };
  }
  if (group.status !== "unresolved" && group.status !== "regressed") {
    return { result: "skipped", reason: "status" };
  }
  if (group.eventCount < settings.autoTriggerMinEvents) {
    return { result: "skipped", reason: "below_threshold" };
  }
  try {
    const { attempt, created } = await requestRegeneration({
      userId: group.userId,
      groupId,
      trigger: "auto",
      now,
    });
    return { result: "requested", attemptId: attempt.id, isNew: created };
  } catch (error) {
    if (error instanceof AppError) {
      return { result: "skipped", reason: "refused", message: error.message };
    }
    throw error;
  }
}
