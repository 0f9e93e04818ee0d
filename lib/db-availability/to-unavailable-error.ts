import { isDatabaseUnavailableError } from "@/lib/db-availability/is-database-unavailable-error";
import { AppError } from "@/lib/http/app-error";

// Long enough for a pool to reconnect or a database to fail over, short enough that
// executors do not pile up a backlog.
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The 503 to answer when `error` means the database is unreachable, or null when it is
 * some other failure. Meant for handleApiError, before its generic 500 branch.
 */
export function toUnavailableError(error: unknown): AppError | null {
  if (error instanceof AppError || !isDatabaseUnavailableError(error)) return null;
  return new AppError("unavailable", "The database is unreachable; retry later.", undefined, {
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });
}
