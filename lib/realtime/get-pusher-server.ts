import type Pusher from "pusher";
import { getPusherConfig } from "@/lib/realtime/pusher-config";
import { createPusherServer } from "@/lib/realtime/pusher-realtime-driver";

const globalForPusher = globalThis as unknown as { faultlinePusher?: Pusher | null };

// null when Pusher is not configured. One client per process (it holds no connection,
// but keeps its agent and config in one place).
export function getPusherServer(): Pusher | null {
  if (globalForPusher.faultlinePusher === undefined) {
    const config = getPusherConfig();
    globalForPusher.faultlinePusher = config ? createPusherServer(config) : null;
  }
  return globalForPusher.faultlinePusher;
}
