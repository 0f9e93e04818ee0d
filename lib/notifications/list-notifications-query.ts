import { z } from "zod";
import { maxNotificationPageSize } from "@/lib/notifications/list-notifications";

// GET /api/notifications query string: ?unread=1&limit=10&cursor=…
export const listNotificationsQuerySchema = z.object({
  unread: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  limit: z.coerce.number().int().min(1).max(maxNotificationPageSize).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
