"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { MAX_RESOLVE_BATCH, resolveSystemErrors } from "@/lib/system-errors/resolve-system-errors";
import { resolutionNotesSchema } from "@/lib/system-errors/system-error-query";

const resolveSystemErrorsInput = z.object({
  ids: z.array(z.guid()).min(1).max(MAX_RESOLVE_BATCH),
  notes: resolutionNotesSchema,
});

// Resolve one or many system errors with one required note; the admin is recorded as
// the resolver. Rows someone else resolved first keep their original resolution.
export const resolveSystemErrorsAction = adminAction(
  resolveSystemErrorsInput,
  async ({ user, input }) => {
    const result = await resolveSystemErrors({
      userId: user.id,
      ids: input.ids,
      notes: input.notes,
    });
    // The stats cards, chart, list and detail pages all read these rows.
    revalidatePath("/admin/errors", "layout");
    return {
      resolved: result.resolved.map((row) => row.id),
      alreadyResolved: result.alreadyResolved.map((row) => row.id),
      notFound: result.notFound,
    };
  },
);
