import Pusher from "pusher";
import type { PusherConfig } from "@/lib/realtime/pusher-config";
import type { PusherRealtimeDriver } from "@/lib/realtime/realtime-driver";
import { userChannelName } from "@/lib/realtime/realtime-event";

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

// The Pusher event name is the event's type, so the Pusher debug console reads
// naturally; the data is the whole event, validated again in the browser.
export function createPusherRealtimeDriver(pusher: Pusher): PusherRealtimeDriver {
  return {
    kind: "pusher",
    async publish(userId, events) {
      const channel = userChannelName(userId);
      for (let start = 0; start < events.length; start += maxBatchSize) {
        await pusher.triggerBatch(
          events
            .slice(start, start + maxBatchSize)
            .map((event) => ({ channel, name: event.type, data: event })),
        );
      }
    },
  };
}
