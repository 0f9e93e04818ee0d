"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { getTraderVersion } from "@/lib/deploy/get-trader-version";
import { activateVersion } from "@/lib/deploy/rollback-to-version";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { setTraderPaused } from "@/lib/traders/set-trader-paused";

const traderInput = z.object({ traderId: z.uuid() });

const versionInput = z.object({ traderId: z.uuid(), versionId: z.uuid() });

const MAX_REASON_LENGTH = 500;

const rollbackInput = versionInput.extend({
  reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
});

// The audit trail always says why: a blank reason names the version. The lookup is
// tenant-scoped, so it also refuses another user's version before anything is locked.
async function resolveRollbackReason(
  { traderId, versionId, reason }: z.infer<typeof rollbackInput>,
  userId: string,
): Promise<string> {
  if (reason) return reason;
  const { version } = await getTraderVersion({ userId, traderId, versionId });
  return `Manual rollback to v${version}`;
}

function revalidateTrader(traderId: string) {
  revalidatePath("/traders");
  revalidatePath(`/traders/${traderId}`);
}

export const pauseTraderAction = userAction(traderInput, async ({ user, input }) => {
  const trader = await setTraderPaused({ userId: user.id, traderId: input.traderId, paused: true });
  revalidateTrader(trader.id);
  return trader;
});

export const resumeTraderAction = userAction(traderInput, async ({ user, input }) => {
  const trader = await setTraderPaused({
    userId: user.id,
    traderId: input.traderId,
    paused: false,
  });
  revalidateTrader(trader.id);
  return trader;
});

// One version's code, for the rollback diff and the read-only viewer. Tenant-scoped
// by getTraderVersion: another user's version is not_found.
export const loadVersionCodeAction = userAction(versionInput, async ({ user, input }) => {
  const { id, version, code } = await getTraderVersion({ userId: user.id, ...input });
  return { id, version, code };
});

// Re-activates an older (or newer) version by hand: an audited "rollback" deployment.
export const rollbackTraderAction = userAction(rollbackInput, async ({ user, input }) => {
  const { traderId, versionId } = input;
  const reason = await resolveRollbackReason(input, user.id);
  const result = await activateVersion({
    userId: user.id,
    traderId,
    versionId,
    kind: "rollback",
    reason,
  });
  // The deploy webhook was queued in the transaction: deliver it once we have answered.
  if (result.isWebhookQueued) after(kickJobs);
  revalidateTrader(traderId);
  // Rolled-back groups reopen: the inbox counts change.
  revalidatePath("/errors");
  return {
    deploymentId: result.deploymentId,
    version: result.version,
    traderState: result.traderState,
    isKeptPaused: result.isKeptPaused,
    reason,
  };
});
