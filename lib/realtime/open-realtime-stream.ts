import type { UserEventSubscriber } from "@/lib/realtime/realtime-driver";

export type OpenRealtimeStreamOptions = {
  // Resolves once events will arrive (the LISTEN is up); returns the unsubscribe.
  subscribe(subscriber: UserEventSubscriber): Promise<() => void>;
  // The request's signal: aborts when the browser goes away.
  signal: AbortSignal;
  heartbeatMs?: number;
  retryMs?: number;
};

// Proxies drop idle connections after ~30–60 s; a comment line every 15 s keeps
// the stream open and lets the server notice a dead client on the next write.
const defaultHeartbeatMs = 15_000;
const defaultRetryMs = 3_000;
// A browser that stops reading is dropped instead of buffered for forever.
const maxQueuedChunks = 1_000;

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response for one user's live events. Subscribes before it
 * answers, so once the browser's EventSource is open nothing published afterwards
 * is missed. Ends (and unsubscribes) when the request aborts, the body is cancelled
 * or the driver reports a gap; the browser then reconnects after `retry`.
 */
export async function openRealtimeStream({
  subscribe,
  signal,
  heartbeatMs = defaultHeartbeatMs,
  retryMs = defaultRetryMs,
}: OpenRealtimeStreamOptions): Promise<Response> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let isClosed = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const close = () => {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    signal.removeEventListener("abort", close);
    unsubscribe();
    try {
      controller?.close();
    } catch {
      // Already closed or errored by the runtime: nothing left to end.
    }
  };
  const send = (text: string) => {
    if (isClosed || !controller) return;
    // null: the runtime errored the stream (the client is gone).
    const room = controller.desiredSize;
    if (room === null || room < -maxQueuedChunks) return close();
    controller.enqueue(encoder.encode(text));
  };

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel: close,
  });

  unsubscribe = await subscribe({
    onEvent: (event) => send(`data: ${JSON.stringify(event)}\n\n`),
    onInterrupted: close,
  });
  if (signal.aborted) {
    close();
  } else {
    signal.addEventListener("abort", close);
    heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
    send(`retry: ${retryMs}\n: connected\n\n`);
  }

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression (and proxies) must not buffer the stream.
      "cache-control": "no-cache, no-transform",
      // nginx buffers proxied responses unless told otherwise.
      "x-accel-buffering": "no",
    },
  });
}
