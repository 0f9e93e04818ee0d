import { z } from "zod";
import type { SymbolRun } from "@/executor/run-candle";
import type { TraderCode } from "@/executor/trader-code";
import { RunOutcome } from "@/lib/generated/prisma/enums";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";
import type { ReportRunBody } from "@/lib/workflows/workflow-schemas";

// One spooled report: the POST it becomes plus what the executor needs to act on the
// answer (which schedule, which candle) after a restart, without parsing the path.
export const runReportSchema = z.object({
  path: z.string().startsWith("/api/executor/schedules/"),
  body: z.object({
    candle_time: z.iso.datetime({ offset: true }),
    outcome: z.enum(RunOutcome),
    // Optional: reports spooled before executors sent versions stay valid.
    code_version_id: z.uuid().optional(),
    error: errorEventSchema.optional(),
  }),
  schedule_id: z.string().min(1),
  trader_id: z.string().min(1),
  symbol: z.string().min(1),
});
export type RunReport = z.infer<typeof runReportSchema>;

export function buildRunReport(options: {
  scheduleId: string;
  trader: Pick<TraderCode, "traderId" | "versionId">;
  closeTime: number;
  run: SymbolRun;
}): RunReport {
  const { run, trader } = options;
  const body: ReportRunBody = {
    candle_time: new Date(options.closeTime).toISOString(),
    outcome: run.outcome,
    // The version that ran: a deployed fix's watch counts only its own clean runs.
    code_version_id: trader.versionId,
    ...(run.outcome === "error" ? { error: run.error } : {}),
  };
  return {
    path: `/api/executor/schedules/${encodeURIComponent(options.scheduleId)}/runs`,
    body,
    schedule_id: options.scheduleId,
    trader_id: trader.traderId,
    symbol: run.symbol,
  };
}
