import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Cron cells run every due job and system errors are global: this file has a database
// of its own. Secrets are set so cron and metrics endpoints exist (they 404 without).
const { database, secrets } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  const matrixSecrets = {
    cronSecret: "matrix-cron-secret-0123456789",
    metricsToken: "matrix-metrics-token-0123456789",
  };
  process.env.DATABASE_URL = created.url;
  process.env.CRON_SECRET = matrixSecrets.cronSecret;
  process.env.METRICS_TOKEN = matrixSecrets.metricsToken;
  // No outside services: the built-in realtime driver, in-app notifications only, and
  // no LLM (queued fix attempts fail fast if a cron cell runs them).
  for (const name of ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "RESEND_API_KEY"]) {
    delete process.env[name];
  }
  delete process.env.OPENAI_API_KEY;
  return { database: created, secrets: matrixSecrets };
});

// Revalidation needs a running Next server's cache; the matrix checks who may act, not
// which pages refresh. Kicking the job runner after an action would race later cells.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/jobs/kick-jobs", () => ({ kickJobs: vi.fn(async () => undefined) }));

import { getPool } from "@/lib/db";
import {
  type DiscoveredEndpoint,
  discoverRoutes,
  discoverServerActions,
} from "@/tests/authorization/discover-endpoints";
import { actionMatrix, excludedRoutes, routeMatrix } from "@/tests/authorization/matrix";
import {
  type Credential,
  type MatrixWorld,
  PRINCIPALS,
  type Principal,
  SPECIAL_CREDENTIALS,
  type SpecialCredential,
  seedMatrixWorld,
  seedOwnedResources,
} from "@/tests/authorization/matrix-world";
import { type Cell, runActionCell, runRouteCell } from "@/tests/authorization/run-cell";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const routes = discoverRoutes(ROOT);
const actions = discoverServerActions(ROOT);

type Row = { endpoint: string } & Cell;

function cellsOf(
  expected: Record<Principal, string | number>,
  also: Partial<Record<SpecialCredential, string | number>> = {},
): { credential: Credential; expected: string }[] {
  const principalCells = PRINCIPALS.map((credential) => ({
    credential,
    expected: String(expected[credential]),
  }));
  const specialCells = SPECIAL_CREDENTIALS.flatMap((credential) => {
    const outcome = also[credential];
    return outcome === undefined ? [] : [{ credential, expected: String(outcome) }];
  });
  return [...principalCells, ...specialCells];
}

function formatTable(rows: Row[]): string {
  const lines = rows.map(
    (row) =>
      `  ${row.endpoint}  [${row.credential}]  expected ${row.expected}, got ${row.actual}` +
      (row.detail ? `  ${row.detail.replaceAll("\n", " ")}` : ""),
  );
  return `${rows.length} unexpected outcome(s):\n${lines.join("\n")}`;
}

function findEndpoint(found: DiscoveredEndpoint[], key: string): DiscoveredEndpoint | undefined {
  return found.find((endpoint) => endpoint.key === key);
}

function missingAndStale(found: DiscoveredEndpoint[], listed: string[]) {
  const foundKeys = new Set(found.map((endpoint) => endpoint.key));
  const listedKeys = new Set(listed);
  return {
    missing: [...foundKeys].filter((key) => !listedKeys.has(key)),
    stale: [...listedKeys].filter((key) => !foundKeys.has(key)),
  };
}

let world: MatrixWorld;

beforeAll(async () => {
  world = await seedMatrixWorld(secrets);
});

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

describe("authorization matrix: completeness", () => {
  it("lists every route handler method, and nothing that no longer exists", () => {
    expect(routes.length).toBeGreaterThan(0);
    const listed = [...Object.keys(routeMatrix), ...Object.keys(excludedRoutes)];
    expect(missingAndStale(routes, listed)).toEqual({ missing: [], stale: [] });
  });

  it('lists every export of every "use server" file, and nothing that no longer exists', () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(missingAndStale(actions, Object.keys(actionMatrix))).toEqual({
      missing: [],
      stale: [],
    });
  });

  it("gives every exclusion a reason", () => {
    for (const reason of Object.values(excludedRoutes)) expect(reason.length).toBeGreaterThan(20);
  });
});

describe("authorization matrix: every cell", () => {
  it("answers every route handler method as listed", { timeout: 120_000 }, async () => {
    const unexpected: Row[] = [];
    for (const [key, entry] of Object.entries(routeMatrix)) {
      const endpoint = findEndpoint(routes, key);
      // Reported by the completeness test; nothing to call here.
      if (!endpoint) continue;
      for (const { credential, expected } of cellsOf(entry.expect, entry.also)) {
        const owned = await seedOwnedResources(world);
        const result = await runRouteCell({
          root: ROOT,
          file: endpoint.file,
          method: endpoint.exportName,
          entry,
          credential,
          world,
          owned,
        });
        if (result.actual !== expected) {
          unexpected.push({ endpoint: key, credential, expected, ...result });
        }
      }
    }
    expect(unexpected, formatTable(unexpected)).toEqual([]);
  });

  it("answers every server action as listed", { timeout: 120_000 }, async () => {
    const unexpected: Row[] = [];
    for (const [key, entry] of Object.entries(actionMatrix)) {
      const endpoint = findEndpoint(actions, key);
      if (!endpoint) continue;
      for (const { credential, expected } of cellsOf(entry.expect)) {
        const owned = await seedOwnedResources(world);
        const result = await runActionCell({
          root: ROOT,
          file: endpoint.file,
          exportName: endpoint.exportName,
          entry,
          credential,
          world,
          owned,
        });
        if (result.actual !== expected) {
          unexpected.push({ endpoint: key, credential, expected, ...result });
        }
      }
    }
    expect(unexpected, formatTable(unexpected)).toEqual([]);
  });
});
