import { getPusherConfig } from "@/lib/realtime/pusher-config";
import { userChannelName } from "@/lib/realtime/realtime-event";

// What the browser needs to connect. Built on the server (it reads lib/env) and
// passed to RealtimeProvider as a prop; the Pusher secret and app id never leave here.
export type RealtimeClientConfig =
  | {
      driver: "pusher";
      key: string;
      cluster: string;
      wsHost?: string;
      wsPort?: number;
      forceTLS: boolean;
      userChannel: string;
    }
  | { driver: "sse" };

export function getRealtimeClientConfig(userId: string): RealtimeClientConfig {
  const pusher = getPusherConfig();
  if (!pusher) return { driver: "sse" };
  return {
    driver: "pusher",
    key: pusher.key,
    cluster: pusher.cluster,
    ...(pusher.host ? { wsHost: pusher.host } : {}),
    ...(pusher.port ? { wsPort: pusher.port } : {}),
    forceTLS: pusher.useTls,
    userChannel: userChannelName(userId),
  };
}
