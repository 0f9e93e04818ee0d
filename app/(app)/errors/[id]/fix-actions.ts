"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { deployGroupFix } from "@/lib/deploy/deploy-group-fix";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { previewCodeSchema } from "@/lib/preview/preview-request-schema";
import { verifyFixCode } from "@/lib/preview/verify-fix-code";
import { dismissProposal } from "@/lib/regeneration/dismiss-proposal";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";

const MAX_NOTE_LENGTH = 500;

const fixCodeInput = z.object({ groupId: z.uuid(), code: previewCodeSchema });

const deployFixInput = fixCodeInput.extend({
  attemptId: z.uuid().optional(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
});

// "Propose a fix": queues an attempt (or answers the one in flight) and starts it
// once the response is sent. A refusal (caps, cooldown, AI fixes off) comes back as
// the action's error with a message that says what to do.
export const proposeFixAction = userAction(
  z.object({ groupId: z.uuid() }),
  async ({ user, input }) => {
    const { attempt, created } = await requestRegeneration({
      userId: user.id,
      groupId: input.groupId,
      trigger: "manual",
      triggeredById: user.id,
    });
    after(kickJobs);
    revalidatePath(`/errors/${input.groupId}`);
    return { attemptId: attempt.id, status: attempt.status, isNew: created };
  },
);

// Rejects a proposed fix; the group reopens if it was waiting on it.
export const dismissProposalAction = userAction(
  z.object({ attemptId: z.uuid() }),
  async ({ user, input }) => {
    const dismissed = await dismissProposal({ userId: user.id, attemptId: input.attemptId });
    revalidatePath(`/errors/${dismissed.groupId}`);
    revalidatePath("/errors");
    return dismissed;
  },
);

// "Verify": the checks an AI candidate must pass, run on the code in the editor.
export const verifyFixCodeAction = userAction(fixCodeInput, async ({ user, input }) =>
  verifyFixCode({ userId: user.id, groupId: input.groupId, code: input.code }),
);

// "Deploy": the reviewed code becomes the trader's next active version and the group
// is watched. With attemptId it is the AI proposal, unless it was edited (then "user").
export const deployFixAction = userAction(deployFixInput, async ({ user, input }) => {
  const result = await deployGroupFix({
    userId: user.id,
    groupId: input.groupId,
    code: input.code,
    attemptId: input.attemptId,
    note: input.note || undefined,
  });
  // The deploy webhook (if any) was queued in the transaction: deliver it once answered.
  after(kickJobs);
  revalidatePath(`/errors/${input.groupId}`);
  revalidatePath("/errors");
  revalidatePath(`/traders/${result.traderId}`);
  return {
    deploymentId: result.deploymentId,
    traderId: result.traderId,
    version: result.version,
    isKeptPaused: result.isKeptPaused,
    watchUntil: result.watchUntil,
  };
});
