import { defineConfig } from "prisma/config";

// Only the CLI reads this (migrate deploy on Vercel, generate everywhere);
// the app connects through lib/db.ts with the pg driver adapter.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/faultline",
  },
});
