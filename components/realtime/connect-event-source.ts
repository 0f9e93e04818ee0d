import {
  type RealtimeConnection,
  type RealtimeConnectionHandlers,
  reconnectDelayMs,
} from "@/components/realtime/realtime-connection";

export const realtimeStreamPath = "/api/realtime/stream";

// The built-in driver's browser side. EventSource reconnects by itself after a dropped
// stream (using the server's `retry:` hint), but gives up for good on a non-2xx answer
// (signed out, database down); then we reconnect with backoff.
export function connectEventSource(handlers: RealtimeConnectionHandlers): RealtimeConnection {
  let source: EventSource | null = null;
  let retryTimer: number | null = null;
  let failures = 0;
  let isClosed = false;

  const open = () => {
    const current = new EventSource(realtimeStreamPath);
    source = current;
    current.onopen = () => {
      failures = 0;
      handlers.onStatus("live");
    };
    current.onmessage = (message: MessageEvent<string>) => {
      try {
        handlers.onMessage(JSON.parse(message.data));
      } catch {
        console.warn("[realtime] ignored a message that is not JSON");
      }
    };
    current.onerror = () => {
      if (current.readyState !== EventSource.CLOSED) {
        handlers.onStatus("connecting");
        return;
      }
      handlers.onStatus("offline");
      current.close();
      retryTimer = window.setTimeout(() => {
        retryTimer = null;
        if (!isClosed) open();
      }, reconnectDelayMs(failures));
      failures += 1;
    };
  };

  open();
  return {
    close() {
      isClosed = true;
      if (retryTimer !== null) window.clearTimeout(retryTimer);
      source?.close();
    },
  };
}
