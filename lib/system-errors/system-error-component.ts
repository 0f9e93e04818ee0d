import { z } from "zod";

// Which part of Faultline's own machinery failed. Closed on purpose: the admin console
// filters and charts by it, so a typo must fail the build instead of adding a bucket.
export const systemErrorComponentSchema = z.enum([
  "ingest",
  "jobs",
  "notifications",
  "email",
  "realtime",
  "llm",
  "deploy",
  "auth",
  "workflows",
  "health",
  "migrations",
  "retention",
  "sentry",
]);

export type SystemErrorComponent = z.infer<typeof systemErrorComponentSchema>;
