import { randomUUID } from "node:crypto";
import { Client, type Notification, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from "@/lib/embedded-db/start-embedded-postgres";
import { createPostgresRealtimeDriver } from "@/lib/realtime/postgres-realtime-driver";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// `npm start`'s embedded database, whatever TEST_DATABASE_URL says: why the built-in
// driver cannot LISTEN there, and that it fans out in-process instead.
let embedded: EmbeddedPostgres;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
}, 60_000);

afterAll(async () => {
  await embedded.stop();
});

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: embedded.url });
  await client.connect();
  return client;
}

describe("realtime on the embedded database", () => {
  it("delivers a NOTIFY to the connection that sent it, not to the one LISTENing", async () => {
    // Every connection shares PGlite's single session, so there is no "other session"
    // to notify. If this starts failing, upstream changed and LISTEN may work here.
    const listener = await connect();
    const notifier = await connect();
    const heardByListener: Notification[] = [];
    const heardByNotifier: Notification[] = [];
    listener.on("notification", (message) => heardByListener.push(message));
    notifier.on("notification", (message) => heardByNotifier.push(message));
    try {
      await listener.query("LISTEN realtime_probe");
      await notifier.query("SELECT pg_notify('realtime_probe', 'hello')");
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A query on the listener would flush anything queued for it; nothing is.
      await listener.query("SELECT 1");

      expect(heardByNotifier.map((message) => message.payload)).toEqual(["hello"]);
      expect(heardByListener).toEqual([]);
    } finally {
      await listener.query("UNLISTEN *");
      await Promise.all([listener.end(), notifier.end()]);
    }
  });

  it("fans a publish out in-process to the user's subscribers only", async () => {
    const pool = new Pool({ connectionString: embedded.url, max: 2 });
    const driver = createPostgresRealtimeDriver({
      pool,
      connectionString: embedded.url,
      isEmbedded: true,
    });
    const [alice, bob] = [randomUUID(), randomUUID()];
    const heard: Array<[string, RealtimeEvent]> = [];
    const subscriber = (user: string) => ({
      onEvent: (event: RealtimeEvent) => heard.push([user, event]),
      onInterrupted: () => undefined,
    });
    try {
      const unsubscribe = await driver.subscribe(alice, subscriber(alice));
      await driver.subscribe(bob, subscriber(bob));
      const event: RealtimeEvent = { type: "group.updated", groupId: randomUUID(), status: "x" };

      await driver.publish(alice, [event]);
      expect(heard).toEqual([[alice, event]]);

      unsubscribe();
      await driver.publish(alice, [event]);
      expect(heard).toHaveLength(1);
    } finally {
      await driver.close();
      await pool.end();
    }
  });
});
