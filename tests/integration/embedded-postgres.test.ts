import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from "@/lib/embedded-db/start-embedded-postgres";
import { applyMigrations } from "@/lib/migrations/apply-migrations";
import { MIGRATIONS_DIR } from "@/tests/support/test-database";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe("startEmbeddedPostgres (in memory)", () => {
  let server: EmbeddedPostgres;

  beforeAll(async () => {
    server = await startEmbeddedPostgres();
    await applyMigrations({ connectionString: server.url, migrationsDir: MIGRATIONS_DIR });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("serves a postgres:// URL on the port it picked", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(
      `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    );
  });

  it("runs 8 concurrent connections, each in its own transaction, without mixing them up", async () => {
    const runId = randomUUID();
    const clients = await Promise.all(Array.from({ length: 8 }, () => connect(server.url)));
    try {
      const outcomes = await Promise.all(
        clients.map(async (client, index) => {
          const email = `embedded-${runId}-${index}@example.test`;
          await client.query("BEGIN");
          const inserted = await client.query<{ id: string }>(
            `INSERT INTO "users" ("email") VALUES ($1) RETURNING "id"`,
            [email],
          );
          // Keep the transaction open across a round trip so others must wait their turn.
          await client.query("SELECT pg_sleep(0.01)");
          const seen = await client.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM "users" WHERE "email" LIKE $1`,
            [`embedded-${runId}-%`],
          );
          const isRolledBack = index === 7;
          await client.query(isRolledBack ? "ROLLBACK" : "COMMIT");
          return { email, id: inserted.rows[0]?.id, seenInside: seen.rows[0]?.count, isRolledBack };
        }),
      );

      // gen_random_uuid() works and each insert got its own id.
      const ids = outcomes.map((outcome) => outcome.id);
      expect(new Set(ids).size).toBe(8);
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // Transactions ran one after another: each saw the earlier commits plus its own row.
      expect(outcomes.map((outcome) => outcome.seenInside).sort()).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);

      const [reader] = clients;
      const committed = await reader!.query<{ email: string }>(
        `SELECT "email" FROM "users" WHERE "email" LIKE $1 ORDER BY "email"`,
        [`embedded-${runId}-%`],
      );
      expect(committed.rows.map((row) => row.email)).toEqual(
        outcomes.filter((outcome) => !outcome.isRolledBack).map((outcome) => outcome.email),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  // pglite-socket alone fails this with "portal does not exist" or hangs
  // (electric-sql/pglite#1046); the session proxy is what makes it pass.
  it("keeps parameterized queries intact while other connections run transactions", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 120 }, async (_, i) => {
          if (i % 4 === 0) {
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              const row = await client.query<{ value: number }>("SELECT $1::int * 2 AS value", [i]);
              await client.query("COMMIT");
              return row.rows[0]?.value === i * 2;
            } finally {
              client.release();
            }
          }
          const sql = i % 2 ? "SELECT $1::int AS value, 'odd' AS tag" : "SELECT $1::int AS value";
          const row = await pool.query<{ value: number }>(sql, [i]);
          return row.rows[0]?.value === i;
        }),
      );
      const failures = results.filter(
        (result) => result.status === "rejected" || result.value !== true,
      );
      expect(failures).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("rolls back and releases a transaction whose client vanished", async () => {
    const email = `vanished-${randomUUID()}@example.test`;
    const doomed = await connect(server.url);
    doomed.on("error", () => {});
    await doomed.query("BEGIN");
    await doomed.query(`INSERT INTO "users" ("email") VALUES ($1)`, [email]);
    // Drop the socket without COMMIT/ROLLBACK, like a crashed process.
    (
      doomed as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();

    const other = await connect(server.url);
    try {
      const rows = await other.query(`SELECT 1 FROM "users" WHERE "email" = $1`, [email]);
      expect(rows.rowCount).toBe(0);
    } finally {
      await other.end();
    }
  });
});

describe("startEmbeddedPostgres (data directory)", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "faultline-pglite-"));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps data and migration history across restarts, and stops listening when stopped", async () => {
    const email = `persisted-${randomUUID()}@example.test`;
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await applyMigrations({ connectionString: first.url, migrationsDir: MIGRATIONS_DIR });
      const client = await connect(first.url);
      await client.query(`INSERT INTO "users" ("email") VALUES ($1)`, [email]);
      await client.end();
    } finally {
      await first.stop();
    }
    await expect(connect(first.url)).rejects.toThrow(/ECONNREFUSED/);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const result = await applyMigrations({
        connectionString: second.url,
        migrationsDir: MIGRATIONS_DIR,
      });
      expect(result.applied).toEqual([]);
      const client = await connect(second.url);
      const rows = await client.query(`SELECT 1 FROM "users" WHERE "email" = $1`, [email]);
      await client.end();
      expect(rows.rowCount).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
