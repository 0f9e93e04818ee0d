import { getDb } from "@/lib/db";
import { type DeployResult, deployCode } from "@/lib/deploy/deploy-code-version";
import { AppError } from "@/lib/http/app-error";
import { getAiSettings } from "@/lib/regeneration/ai-settings";

/**
 * With the owner's auto-deploy setting on, a proposal from an automatic attempt is
 * deployed at once (one the user asked for waits for their review). The deploy is
 * done on the owner's behalf and is watched like any other. A refusal (the proposal
 * was dismissed, the trader changed meanwhile) leaves the proposal for review; other
 * errors throw, so the job retries, which is safe: a deployed attempt is not deployed twice.
 */
export async function autoDeployProposal({
  attemptId,
}: {
  attemptId: string;
}): Promise<DeployResult | null> {
  const attempt = await getDb().regenerationAttempt.findUnique({
    where: { id: attemptId },
    select: {
      userId: true,
      traderId: true,
      groupId: true,
      trigger: true,
      status: true,
      proposedCode: true,
    },
  });
  if (!attempt?.proposedCode || attempt.trigger !== "auto" || attempt.status !== "proposed") {
    return null;
  }
  const { autoDeploy } = await getAiSettings({ userId: attempt.userId });
  if (!autoDeploy) return null;
  try {
    return await deployCode({
      userId: attempt.userId,
      traderId: attempt.traderId,
      groupId: attempt.groupId,
      attemptId,
      code: attempt.proposedCode,
      source: "ai",
      note: "Deployed automatically: AI settings deploy verified fixes.",
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`[regeneration] auto-deploy of attempt ${attemptId} refused: ${error.message}`);
    return null;
  }
}
