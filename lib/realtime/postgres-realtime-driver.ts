import type { Pool } from "pg";
import { PostgresNotificationListener } from "@/lib/realtime/postgres-notification-listener";
import type { PostgresRealtimeDriver } from "@/lib/realtime/realtime-driver";
import {
  decodeRealtimeNotification,
  encodeRealtimeNotification,
  realtimeNotifyChannel,
} from "@/lib/realtime/realtime-notification";
import { UserEventHub } from "@/lib/realtime/user-event-hub";

export type PostgresRealtimeDriverOptions = {
  // Publishes go through the app's pool: NOTIFY needs no session of its own.
  pool: Pool;
  connectionString: string;
  // PGlite behind lib/embedded-db serves every connection from ONE shared session,
  // so a NOTIFY is delivered to whichever connection ran it (the publisher), never
  // to the idle listener; tests/integration/realtime-embedded.test.ts shows it. The
  // embedded database only backs a single `next start` process, so in-process
  // fan-out reaches every subscriber there.
  isEmbedded: boolean;
  channel?: string;
  applicationName?: string;
};

/**
 * The built-in driver: pg_notify on one channel, and per process one dedicated
 * connection that LISTENs and fans out to this process's SSE subscribers. A
 * publish from any app instance therefore reaches the streams of all of them.
 */
export function createPostgresRealtimeDriver(
  options: PostgresRealtimeDriverOptions,
): PostgresRealtimeDriver {
  const hub = new UserEventHub();
  const channel = options.channel ?? realtimeNotifyChannel;
  const listener = options.isEmbedded
    ? null
    : new PostgresNotificationListener({
        connectionString: options.connectionString,
        channel,
        applicationName: options.applicationName,
        onNotification(payload) {
          const notification = decodeRealtimeNotification(payload);
          if (notification) hub.dispatch(notification.userId, notification.event);
          else console.warn("[realtime] ignored a malformed notification");
        },
        onInterrupted: () => hub.interruptAll(),
      });

  return {
    kind: "postgres",
    async publish(userId, events) {
      if (events.length === 0) return;
      if (!listener) {
        for (const event of events) hub.dispatch(userId, event);
        return;
      }
      const payloads = events.map((event) => encodeRealtimeNotification(userId, event));
      // One round trip for a batch; NOTIFY keeps their order.
      await options.pool.query(
        `SELECT pg_notify($1, payload)
           FROM unnest($2::text[]) WITH ORDINALITY AS batch(payload, position)
          ORDER BY position`,
        [channel, payloads],
      );
    },
    async subscribe(userId, subscriber) {
      await listener?.ensureListening();
      return hub.subscribe(userId, subscriber);
    },
    async close() {
      await listener?.close();
    },
  };
}
