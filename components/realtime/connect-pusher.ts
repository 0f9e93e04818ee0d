import type {
  RealtimeConnection,
  RealtimeConnectionHandlers,
} from "@/components/realtime/realtime-connection";
import type { RealtimeClientConfig } from "@/lib/realtime/realtime-client-config";

export const pusherAuthPath = "/api/realtime/pusher-auth";

type PusherClientConfig = Extract<RealtimeClientConfig, { driver: "pusher" }>;

// Pusher's browser side: one private channel per user, authorized by our route.
// pusher-js is loaded on demand so deployments on the built-in driver never ship it.
export function connectPusher(
  config: PusherClientConfig,
  handlers: RealtimeConnectionHandlers,
): RealtimeConnection {
  let isClosed = false;
  let disconnect = () => {};

  import("pusher-js")
    .then(({ default: Pusher }) => {
      if (isClosed) return;
      const pusher = new Pusher(config.key, {
        cluster: config.cluster,
        forceTLS: config.forceTLS,
        ...(config.wsHost
          ? {
              wsHost: config.wsHost,
              wsPort: config.wsPort,
              wssPort: config.wsPort,
              // A self-hosted server (soketi) speaks WebSocket only and has no stats endpoint.
              enabledTransports: ["ws", "wss"],
              disableStats: true,
            }
          : {}),
        channelAuthorization: { endpoint: pusherAuthPath, transport: "ajax" },
      });
      disconnect = () => pusher.disconnect();
      let isConnected = false;
      let isSubscribed = false;
      const report = () =>
        handlers.onStatus(isConnected ? (isSubscribed ? "live" : "connecting") : "offline");

      pusher.connection.bind("state_change", ({ current }: { current: string }) => {
        isConnected = current === "connected";
        // pusher-js resubscribes after a reconnect and confirms it again.
        if (!isConnected) isSubscribed = false;
        if (current === "connecting" || current === "initialized") handlers.onStatus("connecting");
        else report();
      });
      const channel = pusher.subscribe(config.userChannel);
      channel.bind("pusher:subscription_succeeded", () => {
        isSubscribed = true;
        report();
      });
      channel.bind("pusher:subscription_error", () => {
        isSubscribed = false;
        handlers.onStatus("offline");
      });
      channel.bind_global((eventName: string, data: unknown) => {
        if (!/^pusher[:_]/.test(eventName)) handlers.onMessage(data);
      });
    })
    .catch((error: unknown) => {
      console.error("[realtime] could not load pusher-js", error);
      handlers.onStatus("offline");
    });

  return {
    close() {
      isClosed = true;
      disconnect();
    },
  };
}
