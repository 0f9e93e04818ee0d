import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((value) => value === "true" || value === "1");

// The one place that reads process.env. next.config.ts imports this module, so
// a bad environment fails `next build` instead of a request in production.
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url().optional(),
    EMBEDDED_DB: flag,
    APP_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    DEMO_SIGN_IN: z.enum(["auto", "on", "off"]).default("auto"),
    DEMO_EXECUTOR: z.enum(["auto", "on", "off"]).default("auto"),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().min(3).default("Faultline <alerts@faultline.local>"),
    INGEST_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
    INGEST_MAX_DECOMPRESSED_BYTES: z.coerce.number().int().positive().default(5_242_880),
    INGEST_RATE_LIMIT_PER_KEY: z.coerce.number().int().positive().default(6_000),
    INGEST_RATE_LIMIT_PER_USER: z.coerce.number().int().positive().default(12_000),
    INGEST_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(64),
    METRICS_TOKEN: z.string().min(16).optional(),
    PUSHER_APP_ID: z.string().min(1).optional(),
    PUSHER_KEY: z.string().min(1).optional(),
    PUSHER_SECRET: z.string().min(1).optional(),
    PUSHER_CLUSTER: z.string().min(1).default("mt1"),
    PUSHER_HOST: z.string().min(1).optional(),
    PUSHER_PORT: z.coerce.number().int().positive().optional(),
    PUSHER_USE_TLS: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    EMAIL_THROTTLE_MINUTES: z.coerce.number().int().positive().default(60),
    DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(8),
    CRON_SECRET: z.string().min(16).optional(),
    JOB_WORKER_POLL_MS: z.coerce.number().int().min(0).default(2_000),
    WORKFLOW_ERROR_LIMIT: z.coerce.number().int().min(1).max(1_000).default(5),
    HEALTH_MAX_UNRESOLVED: z.coerce.number().int().min(0).default(10),
    HEALTH_MAX_ERRORS_24H: z.coerce.number().int().min(0).default(20),
    RETENTION_SYSTEM_ERROR_DAYS: z.coerce.number().int().min(1).default(30),
    // At least 31: the group page charts 30 days of stored events.
    RETENTION_EVENT_DAYS: z.coerce.number().int().min(31).default(90),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
    OPENAI_API_MODE: z.enum(["responses", "chat"]).default("responses"),
    REGENERATION_MAX_ROUNDS: z.coerce.number().int().min(1).max(10).default(3),
    AI_FIXES: z.enum(["on", "off"]).default("on"),
    AI_TELEMETRY: flag,
    PREVIEW_MAX_PER_USER: z.coerce.number().int().positive().default(2),
    PREVIEW_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(4),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export const isProduction = env.NODE_ENV === "production";
