import Pusher from "pusher";
import type { PusherConfig } from "@/lib/realtime/pusher-config";
import type { PusherRealtimeDriver } from "@/lib/realtime/realtime-driver";
import { userChannelName } from "@/lib/realtime/realtime-event";
import { getServicePolicy } from "@/lib/resilience/service-circuit-registry";
import { CircuitOpenError } from "@/lib/resilience/service-policy-errors";

// Pusher's batch endpoint takes at most 10 events per request.
const maxBatchSize = 10;

export function createPusherServer(config: PusherConfig): Pusher {
  const base = {
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    useTLS: config.useTls,
    // Publishing runs after the response; a hung request must not pile up.
    timeout: 5_000,
  };
  return config.host
    ? new Pusher({ ...base, host: config.host, port: config.port?.toString() })
    : new Pusher({ ...base, cluster: config.cluster });
}

// A dropped connection (no status), a rate limit or an outage; a 4xx (413 too large,
// 401 bad signature) is our request's fault and would fail the same way again.
function isTransientPusherError(error: Error): boolean {
  if (!(error instanceof Pusher.RequestError)) return false;
  const status = error.status;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

// The Pusher event name is the event's type, so the Pusher debug console reads
// naturally; the data is the whole event, validated again in the browser.
export function createPusherRealtimeDriver(pusher: Pusher): PusherRealtimeDriver {
  const policy = () =>
    getServicePolicy({ service: "realtime", isTransient: isTransientPusherError });
  return {
    kind: "pusher",
    async publish(userId, events) {
      const channel = userChannelName(userId);
      try {
        for (let start = 0; start < events.length; start += maxBatchSize) {
          const batch = events
            .slice(start, start + maxBatchSize)
            .map((event) => ({ channel, name: event.type, data: event }));
          await policy().execute(() => pusher.triggerBatch(batch));
        }
      } catch (error) {
        // Circuit open: skipped without a system error each (the opening was logged once);
        // pages still show fresh data on their next load or refetch.
        if (error instanceof CircuitOpenError) {
          console.warn(`[realtime] publish skipped: ${error.message}`);
          return;
        }
        throw error;
      }
    },
  };
}
