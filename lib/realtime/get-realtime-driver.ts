import { getPool } from "@/lib/db";
import { env } from "@/lib/env";
import { getPusherServer } from "@/lib/realtime/get-pusher-server";
import { createPostgresRealtimeDriver } from "@/lib/realtime/postgres-realtime-driver";
import { createPusherRealtimeDriver } from "@/lib/realtime/pusher-realtime-driver";
import type { RealtimeDriver } from "@/lib/realtime/realtime-driver";

// Cached on globalThis like the pool: dev reloads must not open another LISTEN connection.
const globalForRealtime = globalThis as unknown as { faultlineRealtimeDriver?: RealtimeDriver };

// Pusher when PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET are set (serverless hosts,
// where a function cannot hold an SSE stream for long); otherwise the built-in
// Postgres LISTEN/NOTIFY driver behind /api/realtime/stream.
export function getRealtimeDriver(): RealtimeDriver {
  if (globalForRealtime.faultlineRealtimeDriver) return globalForRealtime.faultlineRealtimeDriver;
  const pusher = getPusherServer();
  const driver = pusher ? createPusherRealtimeDriver(pusher) : createBuiltInDriver();
  globalForRealtime.faultlineRealtimeDriver = driver;
  return driver;
}

function createBuiltInDriver(): RealtimeDriver {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: live updates need the database or Pusher.");
  }
  return createPostgresRealtimeDriver({
    pool: getPool(),
    connectionString: env.DATABASE_URL,
    isEmbedded: env.EMBEDDED_DB,
  });
}
