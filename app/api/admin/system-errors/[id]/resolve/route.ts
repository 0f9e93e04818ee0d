// POST /api/admin/system-errors/:id/resolve – resolve one system error with notes ({ resolution_notes }); admins only
import { AppError } from "@/lib/http/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withAdminOrAdminKey } from "@/lib/http/route-wrappers";
import { resolveSystemErrors } from "@/lib/system-errors/resolve-system-errors";
import {
  type ResolveSystemErrorJson,
  toSystemErrorJson,
} from "@/lib/system-errors/system-error-json";
import { resolveSystemErrorBodySchema } from "@/lib/system-errors/system-error-query";

export const POST = withAdminOrAdminKey<{ id: string }>(async (request, { principal, params }) => {
  const body = await readJsonBody(request, resolveSystemErrorBodySchema);
  const result = await resolveSystemErrors({
    userId: principal.userId,
    ids: [params.id],
    notes: body.resolution_notes,
  });
  const [resolved] = result.resolved;
  if (resolved)
    return Response.json({
      system_error: toSystemErrorJson(resolved),
    } satisfies ResolveSystemErrorJson);
  const [earlier] = result.alreadyResolved;
  if (earlier) {
    // Reported, never overwritten: the first resolution's notes and resolver stay.
    throw new AppError(
      "conflict",
      `This system error was already resolved at ${earlier.resolvedAt?.toISOString()}.`,
    );
  }
  throw new AppError("not_found", "This system error does not exist.");
});
