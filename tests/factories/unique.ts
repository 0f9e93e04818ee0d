import { randomUUID } from "node:crypto";

// Parallel test files share one database: every seeded value that must be unique gets a suffix.
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}
