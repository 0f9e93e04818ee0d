import { getDb } from "@/lib/db";
import { autoDeployProposal } from "@/lib/regeneration/auto-deploy-proposal";
import {
  type RegenerationDependencies,
  type RegenerationOutcome,
  runRegenerationAttempt,
} from "@/lib/regeneration/run-regeneration-attempt";
import { failStuckAttempts, STUCK_ATTEMPT_MINUTES } from "@/lib/regeneration/stuck-attempts";

/**
 * Handler of the `regeneration.run` job. Finding the attempt already `running` means
 * an earlier run of this job was reclaimed (its worker died, or overran the jobs'
 * visibility timeout and may still be working): past the stuck limit the attempt is
 * failed; before it the job throws, so the runner retries it with backoff until the
 * attempt has ended or is stuck. Throwing for any other failure is the runner's too.
 * A proposal is then deployed when the owner's settings say so.
 */
export async function runRegenerationJob(
  { attemptId }: { attemptId: string },
  dependencies: RegenerationDependencies = {},
): Promise<RegenerationOutcome | null> {
  const outcome = await runRegenerationAttempt({ attemptId }, dependencies);
  if (outcome?.status === "proposed") {
    const deployed = await autoDeployProposal({ attemptId });
    return deployed ? { attemptId, status: "deployed" } : outcome;
  }
  if (outcome?.status !== "running") return outcome;
  if ((await failStuckAttempts(getDb(), { attemptId })) === 1) {
    return { attemptId, status: "failed" };
  }
  throw new Error(
    `Attempt ${attemptId} is still running in another worker; checking again later (failed after ${STUCK_ATTEMPT_MINUTES} min).`,
  );
}
