import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AttemptStatus,
  AttemptTrigger,
  ErrorGroupStatus,
  RegenerationPolicy,
} from "@/lib/generated/prisma/enums";
import { getLlmCircuitState } from "@/lib/llm/llm-circuit-state";
import { isLlmConfigured } from "@/lib/llm/llm-config";
import type { LlmCircuitState } from "@/lib/llm/llm-resilience";
import { getAiSettings } from "@/lib/regeneration/ai-settings";
import { findBaseVersionId } from "@/lib/regeneration/find-base-version";
import type { AttemptVerification } from "@/lib/regeneration/generate-verified-fix";
import { describeRemainingCaps, type RemainingCaps } from "@/lib/regeneration/regeneration-caps";
import { occurrenceStart, readRegenerationUsage } from "@/lib/regeneration/regeneration-policy";

export type RecoveryAttempt = {
  id: string;
  status: AttemptStatus;
  trigger: AttemptTrigger;
  createdAt: Date;
  completedAt: Date | null;
  baseVersionId: string | null;
  rounds: number;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  estimatedCostUsd: number;
  latencyMs: number | null;
  error: string | null;
  proposedCode: string | null;
  explanation: string | null;
  changes: string[];
  verification: AttemptVerification | null;
};

export type GroupRecovery = {
  groupId: string;
  groupStatus: ErrorGroupStatus;
  /** Newest first. */
  attempts: RecoveryAttempt[];
  /** The version the latest attempt was based on, or the next one would be. */
  baseCode: { versionId: string; version: number; code: string } | null;
  /** The operator's switch (AI_FIXES). */
  isAiFixesEnabled: boolean;
  /** Whether an API key is set; never the key. */
  isLlmConfigured: boolean;
  circuit: LlmCircuitState;
  regenerationPolicy: RegenerationPolicy;
  autoDeploy: boolean;
  caps: RemainingCaps;
};

const ATTEMPTS_SHOWN = 5;

const attemptSelect = {
  id: true,
  status: true,
  trigger: true,
  createdAt: true,
  completedAt: true,
  baseVersionId: true,
  rounds: true,
  model: true,
  tokensIn: true,
  tokensOut: true,
  estimatedCostUsd: true,
  latencyMs: true,
  error: true,
  proposedCode: true,
  explanation: true,
  changes: true,
  verification: true,
} as const satisfies Prisma.RegenerationAttemptSelect;

type AttemptRow = Prisma.RegenerationAttemptGetPayload<{ select: typeof attemptSelect }>;

// Plain values for the client: Decimal and Json columns become numbers and known shapes
// (the verification was written by generateVerifiedFix).
function toRecoveryAttempt(row: AttemptRow): RecoveryAttempt {
  return {
    ...row,
    estimatedCostUsd: Number(row.estimatedCostUsd),
    changes: Array.isArray(row.changes)
      ? row.changes.filter((change): change is string => typeof change === "string")
      : [],
    verification: (row.verification as AttemptVerification | null) ?? null,
  };
}

// Everything the error page's recovery panel shows, tenant-scoped through the group.
export async function getGroupRecovery({
  userId,
  groupId,
  now = new Date(),
}: {
  userId: string;
  groupId: string;
  now?: Date;
}): Promise<GroupRecovery> {
  const group = await getErrorGroupOrThrow({ id: groupId, userId });
  const db = getDb();
  const [rows, settings] = await Promise.all([
    db.regenerationAttempt.findMany({
      where: { groupId, userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ATTEMPTS_SHOWN,
      select: attemptSelect,
    }),
    getAiSettings({ userId }),
  ]);
  const usage = await readRegenerationUsage(db, {
    userId,
    groupId,
    since: occurrenceStart(group),
    now,
  });
  const baseVersionId =
    rows[0]?.baseVersionId ??
    (await findBaseVersionId(db, { userId, groupId, traderId: group.traderId }));
  const base = baseVersionId
    ? await db.traderCodeVersion.findFirst({
        where: { id: baseVersionId, traderId: group.traderId },
        select: { id: true, version: true, code: true },
      })
    : null;
  return {
    groupId,
    groupStatus: group.status,
    attempts: rows.map(toRecoveryAttempt),
    baseCode: base ? { versionId: base.id, version: base.version, code: base.code } : null,
    isAiFixesEnabled: env.AI_FIXES === "on",
    isLlmConfigured: isLlmConfigured(),
    circuit: getLlmCircuitState(),
    regenerationPolicy: settings.regenerationPolicy,
    autoDeploy: settings.autoDeploy,
    caps: describeRemainingCaps(settings, usage, now),
  };
}
