import { AppError } from "@/lib/http/app-error";
import type { FixPreview, PreviewStreamMessage } from "@/lib/preview/preview-types";
import type { PreviewProgress } from "@/lib/preview/run-fix-preview";

type PreviewRun = (options: {
  onProgress: (progress: PreviewProgress) => void;
  signal: AbortSignal;
}) => Promise<FixPreview>;

const encoder = new TextEncoder();

function toErrorMessage(error: unknown): PreviewStreamMessage {
  // An AppError's message is written for users; anything else stays in the server log.
  if (error instanceof AppError) {
    return { type: "error", title: "Preview failed", detail: error.message };
  }
  console.error("[preview] the preview failed mid-stream", error);
  return {
    type: "error",
    title: "Preview failed",
    detail: "The preview could not be completed because of an internal error.",
  };
}

/**
 * A 200 newline-delimited JSON response for a preview that runs as the body streams:
 * progress lines, then one result line, or one error line once the status is sent,
 * so the stream always ends. A client that goes away aborts the run between chunks.
 */
export function streamFixPreview(run: PreviewRun, { signal }: { signal?: AbortSignal } = {}) {
  const abort = new AbortController();
  const onRequestAbort = () => abort.abort();
  signal?.addEventListener("abort", onRequestAbort, { once: true });
  let isClosed = false;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: PreviewStreamMessage) => {
        if (!isClosed) controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      };
      try {
        const preview = await run({
          onProgress: ({ done, total }) => send({ type: "progress", done, total }),
          signal: abort.signal,
        });
        send({ type: "result", preview });
      } catch (error) {
        if (!abort.signal.aborted) send(toErrorMessage(error));
      } finally {
        signal?.removeEventListener("abort", onRequestAbort);
        if (!isClosed) {
          isClosed = true;
          controller.close();
        }
      }
    },
    cancel() {
      isClosed = true;
      abort.abort();
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      // no-transform: compression (Next's or a proxy's) would hold lines back.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
