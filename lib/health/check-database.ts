import { getPool } from "@/lib/db";
import { settleWithin } from "@/lib/health/settle-within";

export const DATABASE_CHECK_TIMEOUT_MS = 1_500;

export type DatabaseCheck =
  | { status: "ok"; latency_ms: number }
  // No driver message: it names hosts and ports, and this endpoint is public.
  | { status: "down"; latency_ms: number; error: "unreachable" | "timeout" };

// One plain `SELECT 1` on the app's pool (not the ORM, which may still be loading its
// query compiler on a cold start). The pool's connect timeout already fails fast on a
// dead host; the race covers a server that accepts and then never answers.
export async function checkDatabase(): Promise<DatabaseCheck> {
  const started = performance.now();
  const settled = await settleWithin(() => getPool().query("SELECT 1"), DATABASE_CHECK_TIMEOUT_MS);
  const latency = Math.round(performance.now() - started);
  if (settled.ok) return { status: "ok", latency_ms: latency };
  const isTimeout = latency >= DATABASE_CHECK_TIMEOUT_MS;
  return { status: "down", latency_ms: latency, error: isTimeout ? "timeout" : "unreachable" };
}
