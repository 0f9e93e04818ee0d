import type { z } from "zod";
import type { RunRecord } from "@/lib/workflows/record-schedule-run";
import type { ReportedRun } from "@/lib/workflows/report-schedule-run";
import { type ScheduleRecord, toScheduleJson } from "@/lib/workflows/schedule-record";
import type {
  ReportRunResponse,
  RunJson,
  scheduleInactiveProblemSchema,
} from "@/lib/workflows/workflow-schemas";

function toRunJson(run: RunRecord): RunJson {
  return {
    id: run.id,
    candle_time: run.candleTime.toISOString(),
    outcome: run.outcome,
    code_version_id: run.codeVersionId,
    error_event_id: run.errorEventId,
  };
}

// The HTTP answer to a run report: 201 processed, 200 already processed.
export function toRunReportJson(reported: Exclude<ReportedRun, { status: "inactive" }>): {
  status: 200 | 201;
  body: ReportRunResponse;
} {
  const run = toRunJson(reported.run);
  const schedule = toScheduleJson(reported.schedule);
  if (reported.status === "already_processed") {
    return { status: 200, body: { status: "already_processed", run, schedule } };
  }
  const { error } = reported;
  return {
    status: 201,
    body: {
      status: "processed",
      run,
      schedule,
      ...(error
        ? { error: { event_id: error.eventId, group_id: error.groupId, replayed: error.isReplay } }
        : {}),
      disabled: reported.isDisabled,
    },
  };
}

/**
 * 409 for a stopped schedule, as RFC 9457 problem+json with its own code so executors
 * can tell "stop running this" from other conflicts; the schedule says why it stopped.
 */
export function scheduleInactiveResponse(schedule: ScheduleRecord): Response {
  const body: z.infer<typeof scheduleInactiveProblemSchema> = {
    type: "https://faultline.dev/problems/schedule-inactive",
    title: "Schedule inactive",
    status: 409,
    detail: `This schedule is stopped (${schedule.stopReason ?? "no reason given"}): stop running it.`,
    code: "schedule_inactive",
    schedule: toScheduleJson(schedule),
  };
  return new Response(JSON.stringify(body), {
    status: 409,
    headers: { "content-type": "application/problem+json" },
  });
}
