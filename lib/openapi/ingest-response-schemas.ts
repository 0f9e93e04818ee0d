import { z } from "zod";

// What POST /api/errors answers per event; the route's toJson is typed by this schema.
export const ingestResultSchema = z.object({
  event_id: z.string(),
  id: z.uuid(),
  group_id: z.uuid(),
  error_hash: z.string(),
  new_group: z.boolean(),
  replay: z.boolean().meta({ description: "True when the event_id was already stored." }),
});

export const ingestBatchResultSchema = z.object({ events: z.array(ingestResultSchema) });
