import { env } from "@/lib/env";

export type PusherConfig = {
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  // A self-hosted Pusher-compatible server (soketi) for both REST and WebSocket.
  host?: string;
  port?: number;
  useTls: boolean;
};

// Pusher is used only when the app id, key and secret are all set; otherwise the
// built-in Postgres + SSE driver carries live updates.
export function getPusherConfig(): PusherConfig | null {
  const { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret } = env;
  if (!appId || !key || !secret) return null;
  return {
    appId,
    key,
    secret,
    cluster: env.PUSHER_CLUSTER,
    host: env.PUSHER_HOST,
    port: env.PUSHER_PORT,
    useTls: env.PUSHER_USE_TLS,
  };
}
