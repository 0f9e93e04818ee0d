"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { changeGroupStatuses, MAX_BULK_GROUPS } from "@/lib/errors/change-group-statuses";
import { publishManyToUser } from "@/lib/realtime/publish-to-user";

const changeGroupStatusesInput = z.object({
  groupIds: z.array(z.guid()).min(1).max(MAX_BULK_GROUPS),
  status: z.enum(["resolved", "ignored", "unresolved"]),
  note: z
    .string()
    .trim()
    .max(2_000, "Keep the note under 2,000 characters.")
    .optional()
    .transform((note) => note || undefined),
});

// Resolve, ignore or reopen the selected error groups, with one optional note for all.
export const changeGroupStatusesAction = userAction(
  changeGroupStatusesInput,
  async ({ user, input }) => {
    const result = await changeGroupStatuses({
      userId: user.id,
      groupIds: input.groupIds,
      to: input.status,
      note: input.note,
    });
    // This tab re-renders from the revalidation; the user's other tabs hear it live.
    revalidatePath("/errors", "layout");
    const events = result.changed.map((groupId) => ({
      type: "group.updated" as const,
      groupId,
      status: input.status,
    }));
    after(() => publishManyToUser(user.id, events));
    return result;
  },
);
