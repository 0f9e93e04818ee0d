import { readNdjsonStream } from "@/components/recovery/read-ndjson-stream";
import type { FixPreview, PreviewStreamMessage } from "@/lib/preview/preview-types";

// What the user sees when a preview cannot be shown: a refusal before the stream
// (problem+json), an error message inside it, or a broken connection.
export class FixPreviewError extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`);
    this.name = "FixPreviewError";
  }
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function isStreamMessage(value: unknown): value is PreviewStreamMessage {
  if (typeof value !== "object" || value === null || !("type" in value)) return false;
  return value.type === "progress" || value.type === "result" || value.type === "error";
}

async function readProblem(response: Response): Promise<FixPreviewError> {
  const fallback = `The server answered ${response.status}.`;
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null) {
      const title = "title" in body && typeof body.title === "string" ? body.title : null;
      const detail = "detail" in body && typeof body.detail === "string" ? body.detail : null;
      return new FixPreviewError(title ?? "Preview refused", detail ?? fallback);
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status is all there is.
  }
  return new FixPreviewError("Preview refused", fallback);
}

// POST /api/errors/:id/preview, reporting progress as the sandbox runs each input.
// Resolves with the behavioural diff; every failure is a FixPreviewError.
export async function fetchFixPreview({
  groupId,
  code,
  onProgress,
  signal,
  fetchImpl = fetch,
}: {
  groupId: string;
  code: string;
  onProgress: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
  fetchImpl?: FetchLike;
}): Promise<FixPreview> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/errors/${encodeURIComponent(groupId)}/preview`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify({ code }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FixPreviewError("Preview failed", "The server could not be reached.");
  }
  if (!response.ok) throw await readProblem(response);
  if (!response.body) throw new FixPreviewError("Preview failed", "The response was empty.");
  try {
    for await (const message of readNdjsonStream(response.body)) {
      if (!isStreamMessage(message)) continue;
      if (message.type === "progress") onProgress({ done: message.done, total: message.total });
      else if (message.type === "result") return message.preview;
      else throw new FixPreviewError(message.title, message.detail);
    }
  } catch (error) {
    if (error instanceof FixPreviewError || signal?.aborted) throw error;
    throw new FixPreviewError("Preview failed", "The connection broke while the preview ran.");
  }
  throw new FixPreviewError("Preview failed", "The preview ended without a result.");
}
