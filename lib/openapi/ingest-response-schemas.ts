import { z } from "zod";

// What POST /api/errors answers per event (see toJson in app/api/errors/route.ts).
export const ingestResultSchema = z.object({
  event_id: z.string(),
  id: z.uuid(),
  group_id: z.uuid(),
  error_hash: z.string(),
  new_group: z.boolean(),
  replay: z.boolean().meta({ description: "True when the event_id was already stored." }),
});

export const ingestBatchResultSchema = z.object({ events: z.array(ingestResultSchema) });
