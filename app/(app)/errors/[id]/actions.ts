"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { changeGroupStatus } from "@/lib/errors/change-group-status";
import { ignoreChoiceSchema, toIgnoreOptions } from "@/lib/errors/detail/ignore-choice";
import { RECENT_EVENTS_PAGE_SIZE } from "@/lib/errors/detail/load-error-detail";
import { toGroupEventView } from "@/lib/errors/detail/to-group-event-view";
import { listGroupEventsPage } from "@/lib/errors/query/list-group-events-page";

const changeStatusInput = z
  .object({
    groupId: z.uuid(),
    status: z.enum(["resolved", "unresolved", "ignored"]),
    note: z.string().trim().max(2_000, "Keep the note under 2,000 characters.").optional(),
    ignore: ignoreChoiceSchema.optional(),
  })
  .refine((input) => !input.ignore || input.status === "ignored", {
    path: ["ignore"],
    message: "Only an ignore takes ignore options.",
  });

// Resolve, reopen or ignore a group, with an optional note in its activity.
export const changeErrorGroupStatusAction = userAction(
  changeStatusInput,
  async ({ user, input }) => {
    const now = new Date();
    const change = await changeGroupStatus({
      userId: user.id,
      groupId: input.groupId,
      to: input.status,
      note: input.note || undefined,
      ignore: input.ignore ? toIgnoreOptions(input.ignore, now) : undefined,
      now,
    });
    revalidatePath(`/errors/${change.group.id}`);
    revalidatePath("/errors");
    return { status: change.group.status, isChanged: change.activity !== null };
  },
);

// The next page of a group's events for "Show more".
export const listGroupEventsAction = userAction(
  z.object({ groupId: z.uuid(), cursor: z.string().min(1).max(512) }),
  async ({ user, input }) => {
    const page = await listGroupEventsPage({
      groupId: input.groupId,
      userId: user.id,
      cursor: input.cursor,
      limit: RECENT_EVENTS_PAGE_SIZE,
    });
    return { events: page.events.map(toGroupEventView), nextCursor: page.nextCursor };
  },
);
