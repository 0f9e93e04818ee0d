import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/tests/support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database every integration test file shares. */
    databaseUrl: string;
  }
}

// One database per run, not per file: migrating is the slow part, and tests
// seed their own uniquely named rows so they can share it in parallel.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
