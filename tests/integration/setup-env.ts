import { inject } from "vitest";
import { installAsyncLocalStorage } from "@/tests/support/session-request-scope";

// Runs before each test file imports anything, so lib/env.ts and lib/db.ts
// see the run's database exactly as they would in production.
process.env.DATABASE_URL = inject("databaseUrl");
// Without TEST_DATABASE_URL the harness serves PGlite, which the app treats like `npm start`'s embedded database.
if (!process.env.TEST_DATABASE_URL) process.env.EMBEDDED_DB = "true";
// Session-authenticated handlers: lib/env reads the secret, and Next's request stores
// need the AsyncLocalStorage global its server installs before anything loads.
process.env.NEXTAUTH_SECRET = "integration-session-secret-0123456789";
process.env.NEXTAUTH_URL = "http://localhost:3000";
installAsyncLocalStorage();
