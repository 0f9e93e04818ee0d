"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { dismissProposal } from "@/lib/regeneration/dismiss-proposal";
import { requestRegeneration } from "@/lib/regeneration/request-regeneration";

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
