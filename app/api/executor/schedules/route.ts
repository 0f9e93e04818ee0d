// POST /api/executor/schedules – create a workflow schedule (idempotent per trader + type + entity)
// GET /api/executor/schedules – the key's schedules, active ones by default (reload on restart)
import { readQueryParams } from "@/lib/errors/query/read-query-params";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApiKey } from "@/lib/http/route-wrappers";
import { createSchedule } from "@/lib/workflows/create-schedule";
import { listExecutorSchedules } from "@/lib/workflows/list-executor-schedules";
import { toScheduleJson } from "@/lib/workflows/schedule-record";
import {
  createScheduleBodySchema,
  listSchedulesQuerySchema,
} from "@/lib/workflows/workflow-schemas";

export const POST = withApiKey(async (request, { principal }) => {
  const input = await readJsonBody(request, createScheduleBodySchema);
  const scope = { userId: principal.userId, keyTraderId: principal.traderId };
  const { schedule, isCreated } = await createSchedule({ scope, input });
  return Response.json(
    { schedule: toScheduleJson(schedule), created: isCreated },
    { status: isCreated ? 201 : 200 },
  );
});

export const GET = withApiKey(async (request, { principal }) => {
  const query = readQueryParams(request, listSchedulesQuerySchema);
  const scope = { userId: principal.userId, keyTraderId: principal.traderId };
  const schedules = await listExecutorSchedules({ scope, query });
  return Response.json(
    { schedules: schedules.map(toScheduleJson) },
    { headers: { "cache-control": "private, no-store" } },
  );
});
