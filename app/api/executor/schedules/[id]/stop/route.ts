// POST /api/executor/schedules/:id/stop – stop a schedule with a reason (idempotent)
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { toScheduleJson } from "@/lib/workflows/schedule-record";
import { stopSchedule } from "@/lib/workflows/stop-schedule";
import { stopScheduleBodySchema } from "@/lib/workflows/workflow-schemas";

export const POST = withApiKey<{ id: string }>(async (request, { principal, params }) => {
  const { reason } = await readJsonBody(request, stopScheduleBodySchema);
  const schedule = await stopSchedule({
    scope: { userId: principal.userId, keyTraderId: principal.traderId },
    scheduleId: params.id,
    reason,
  });
  return Response.json({ schedule: toScheduleJson(schedule) });
});
