import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { type ScheduleRecord, scheduleSelect } from "@/lib/workflows/schedule-record";

const scheduleIdSchema = z.guid();

type LockedSchedule = { isActive: boolean; stopReason: string | null; consecutiveErrors: number };

/**
 * The owner turns a stopped schedule back on: active, error streak reset, stop
 * cleared, started again now — and an audit row says who did it, when, and from
 * which state. Re-enabling an active schedule changes nothing and audits nothing.
 */
export async function reenableSchedule({
  userId,
  scheduleId,
}: {
  userId: string;
  scheduleId: string;
}): Promise<ScheduleRecord> {
  if (!userId) throw new AppError("unauthorized", "Sign in to change schedules.");
  const notFound = new AppError("not_found", "This schedule does not exist.");
  if (!scheduleIdSchema.safeParse(scheduleId).success) throw notFound;
  return getDb().$transaction(async (tx) => {
    // Locked so the audit's "previous" values are the ones this change replaced.
    const [locked] = await tx.$queryRaw<LockedSchedule[]>`
      SELECT is_active AS "isActive", stop_reason AS "stopReason",
             consecutive_errors AS "consecutiveErrors"
        FROM workflow_schedules
       WHERE id = ${scheduleId}::uuid AND user_id = ${userId}::uuid
       FOR UPDATE`;
    if (!locked) throw notFound;
    if (!locked.isActive) {
      const now = new Date();
      await tx.workflowSchedule.update({
        where: { id: scheduleId },
        data: {
          isActive: true,
          consecutiveErrors: 0,
          stoppedAt: null,
          stopReason: null,
          startedAt: now,
        },
      });
      await tx.workflowScheduleAudit.create({
        data: {
          scheduleId,
          actorUserId: userId,
          action: "reenabled",
          previousStopReason: locked.stopReason,
          previousConsecutiveErrors: locked.consecutiveErrors,
          createdAt: now,
        },
      });
    }
    return tx.workflowSchedule.findUniqueOrThrow({
      where: { id: scheduleId },
      select: scheduleSelect,
    });
  });
}
