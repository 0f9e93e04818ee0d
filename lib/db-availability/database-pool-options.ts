// Pool settings for PrismaPg (passed through to pg.Pool), shared by lib/db.ts and the
// tests that prove an outage is answered fast.
export type DatabasePoolOptions = {
  max: number;
  // Bounds both opening a TCP connection and waiting for a free pooled one, so an
  // unreachable or saturated database fails the request instead of hanging it.
  connectionTimeoutMillis: number;
};

// We promise ingest clients a 503 within 2 s when the database is down. Measured: a query
// against a silent server fails after this timeout plus 0.1–0.4 s of Prisma overhead, so
// 1 s leaves margin under load. A healthy same-region connect takes well under 100 ms; a
// database waking from scale-to-zero may miss it, and the client retries after Retry-After.
export const DATABASE_CONNECT_TIMEOUT_MS = 1_000;

export function getDatabasePoolOptions({
  isEmbedded,
}: {
  isEmbedded: boolean;
}): DatabasePoolOptions {
  return {
    max: 10,
    // The embedded database serves one session at a time, so other connections legitimately
    // queue for seconds behind it; there it keeps pg's default of waiting (0 = no timeout).
    connectionTimeoutMillis: isEmbedded ? 0 : DATABASE_CONNECT_TIMEOUT_MS,
  };
}
