import { getDb } from "@/lib/db";
import { loadFixBase } from "@/lib/preview/load-fix-base";
import { collectVerificationInputs } from "@/lib/regeneration/collect-verification-inputs";
import type { RunOutcome, VerificationReport } from "@/lib/regeneration/verification-report";
import { runBaseline, verifyCandidate } from "@/lib/regeneration/verify-candidate";

/**
 * The verification an AI candidate gets (static check, compile, the failing input and
 * every healthy input), for code a human wrote or edited. Tenant-scoped through the
 * group. The "old" column is the group's base code, the same one the preview compares with.
 */
export async function verifyFixCode({
  userId,
  groupId,
  code,
}: {
  userId: string;
  groupId: string;
  code: string;
}): Promise<VerificationReport> {
  const base = await loadFixBase({ userId, groupId });
  const inputs = await collectVerificationInputs(getDb(), {
    userId,
    traderId: base.traderId,
    failing: base.failing,
    failingEventId: base.failingEventId,
  });
  const baseline = base.old
    ? await runBaseline({ code: base.old.code, inputs })
    : new Map<string, RunOutcome>();
  return verifyCandidate({ code, failingCode: base.old?.code ?? "", inputs, baseline });
}
