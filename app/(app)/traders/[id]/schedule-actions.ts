"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { reenableSchedule } from "@/lib/workflows/reenable-schedule";

const scheduleInput = z.object({ scheduleId: z.uuid() });

// Turns a stopped workflow schedule back on (its executor resumes on its next reload).
export const reenableScheduleAction = userAction(scheduleInput, async ({ user, input }) => {
  const schedule = await reenableSchedule({ userId: user.id, scheduleId: input.scheduleId });
  revalidatePath(`/traders/${schedule.traderId}`);
  return { id: schedule.id, isActive: schedule.isActive };
});
