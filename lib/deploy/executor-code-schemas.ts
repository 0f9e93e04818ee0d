import { z } from "zod";
import { TraderState } from "@/lib/generated/prisma/enums";

// Wire shapes of the executor code API (snake_case like the rest of the public API),
// for the handlers and the OpenAPI document alike.
const isoDateTime = z.iso.datetime({ offset: true });

export const executorTraderCodeSchema = z.object({
  trader_id: z.uuid(),
  version_id: z.uuid(),
  version: z.int().min(1),
  code: z.string(),
  state: z.enum(TraderState).meta({
    description: "Run the code only while running; paused and disabled traders must not trade.",
  }),
  updated_at: isoDateTime.meta({ description: "When this version was made active." }),
});
export type ExecutorTraderCodeJson = z.infer<typeof executorTraderCodeSchema>;

export const executorTraderSummarySchema = z.object({
  trader_id: z.uuid(),
  name: z.string(),
  state: z.enum(TraderState),
  version_id: z.uuid().nullable(),
  version: z.int().min(1).nullable(),
  etag: z.string().nullable().meta({
    description: "The ETag GET /api/executor/traders/{id}/code answers; refetch when it changes.",
  }),
});

export const executorTraderListSchema = z.object({ data: z.array(executorTraderSummarySchema) });
export type ExecutorTraderListJson = z.infer<typeof executorTraderListSchema>;
