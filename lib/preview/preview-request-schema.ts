import { z } from "zod";
import { MAX_CODE_LENGTH } from "@/lib/deploy/assert-deployable-code";

// The code to preview: the same size limit as a deployable version.
export const previewCodeSchema = z
  .string()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .meta({ description: `The complete filter module, at most ${MAX_CODE_LENGTH} characters.` });

// POST /api/errors/:id/preview body; unknown fields are refused, not ignored.
export const fixPreviewBodySchema = z.strictObject({ code: previewCodeSchema });
export type FixPreviewBody = z.infer<typeof fixPreviewBodySchema>;
