// POST /api/errors/:id/preview – run the group's code and a proposed fix side by side, streamed as NDJSON
import { readJsonBody } from "@/lib/http/read-json-body";
import { withUser } from "@/lib/http/route-wrappers";
import { fixPreviewBodySchema } from "@/lib/preview/preview-request-schema";
import { getPreviewSlots } from "@/lib/preview/preview-slots";
import { streamFixPreview } from "@/lib/preview/preview-stream";
import { executeFixPreview, prepareFixPreview } from "@/lib/preview/run-fix-preview";

export const dynamic = "force-dynamic";

export const POST = withUser<{ id: string }>(async (request, { principal, params }) => {
  const { code } = await readJsonBody(request, fixPreviewBodySchema);
  // Tenancy, capacity and the inputs are settled before the 200: refusals stay problem+json.
  const release = getPreviewSlots().acquire(principal.userId);
  try {
    const prepared = await prepareFixPreview({ userId: principal.userId, groupId: params.id });
    return streamFixPreview(
      ({ onProgress, signal }) =>
        executeFixPreview(prepared, { code, onProgress, signal }).finally(release),
      { signal: request.signal },
    );
  } catch (error) {
    release();
    throw error;
  }
});
