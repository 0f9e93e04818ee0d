import { z } from "zod";
import { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

const isoDateTime = z.iso.datetime({ offset: true });

// Query strings arrive as text: coerce, then clamp rather than reject large pages so
// clients can ask for "as many as allowed" without knowing the cap.
const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .default(DEFAULT_PAGE_SIZE)
  .transform((limit) => Math.min(limit, MAX_PAGE_SIZE))
  .meta({
    description: `Page size (default ${DEFAULT_PAGE_SIZE}); values above ${MAX_PAGE_SIZE} are capped.`,
  });

const cursorParam = z
  .string()
  .min(1)
  .max(512)
  .optional()
  .meta({ description: "Opaque cursor from the previous page's next_cursor." });

export const errorGroupSortSchema = z.enum(["last_seen", "first_seen", "count"]);
export type ErrorGroupSort = z.infer<typeof errorGroupSortSchema>;
export const sortOrderSchema = z.enum(["desc", "asc"]);
export type SortOrder = z.infer<typeof sortOrderSchema>;

// Unknown query parameters are ignored (z.object strips them), as browsers and
// proxies add their own; everything we do read is validated.
export const listErrorGroupsQuerySchema = z.object({
  status: z
    .array(z.enum(ErrorGroupStatus))
    .min(1)
    .optional()
    .meta({ description: "One or more statuses: repeat the parameter or separate with commas." }),
  error_type: z.enum(ExecutionErrorType).optional(),
  trader_id: z.uuid().optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Case-insensitive text search in the group title." }),
  since: isoDateTime.optional().meta({ description: "last_seen_at on or after (inclusive)." }),
  until: isoDateTime.optional().meta({ description: "last_seen_at before (exclusive)." }),
  sort: errorGroupSortSchema.default("last_seen"),
  order: sortOrderSchema.default("desc"),
  cursor: cursorParam,
  limit: limitParam,
});
export type ListErrorGroupsQuery = z.infer<typeof listErrorGroupsQuerySchema>;

export const listGroupEventsQuerySchema = z.object({
  cursor: cursorParam,
  limit: limitParam,
});
export type ListGroupEventsQuery = z.infer<typeof listGroupEventsQuerySchema>;

// Query parameters that may repeat; all others are read once.
export const repeatableQueryParams = new Set(["status"]);

export const changeGroupStatusBodySchema = z
  .strictObject({
    status: z.enum(ErrorGroupStatus),
    note: z.string().trim().max(2_000).optional(),
    ignore: z
      .strictObject({
        until: isoDateTime.optional().meta({ description: "Stay ignored until this time." }),
        events: z
          .int()
          .min(1)
          .max(1_000_000)
          .optional()
          .meta({ description: "Stay ignored until this many more events arrive." }),
      })
      .optional()
      .meta({ description: "Only with status ignored; omit to ignore forever." }),
  })
  .superRefine((body, ctx) => {
    if (!body.ignore) return;
    if (body.status !== "ignored") {
      ctx.addIssue({
        code: "custom",
        path: ["ignore"],
        message: "ignore is only allowed with status ignored",
      });
    }
    if (body.ignore.until !== undefined && body.ignore.events !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ignore"],
        message: "set either until or events, not both",
      });
    }
  });
export type ChangeGroupStatusBody = z.infer<typeof changeGroupStatusBodySchema>;
