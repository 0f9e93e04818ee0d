import { inject } from "vitest";

// Runs before each test file imports anything, so lib/env.ts and lib/db.ts
// see the run's database exactly as they would in production.
process.env.DATABASE_URL = inject("databaseUrl");
// Without TEST_DATABASE_URL the harness serves PGlite, which the app treats like `npm start`'s embedded database.
if (!process.env.TEST_DATABASE_URL) process.env.EMBEDDED_DB = "true";
