// Which failures mean "the database cannot be reached right now" (answer 503 and let the
// client retry) as opposed to a bad query or a bug (500). Matched on shape, not class,
// because the same outage surfaces as a Prisma error, a DriverAdapterError or a raw `pg`
// Error depending on where it happened (measured with Prisma 7 + @prisma/adapter-pg):
// - refused / unknown host → PrismaClientKnownRequestError P1001 (P2010 for raw queries)
//   with meta.driverAdapterError.cause.kind "DatabaseNotReachable";
// - server silent past connectionTimeoutMillis → Error "Connection terminated due to
//   connection timeout";
// - socket closed by the server → Error "Connection terminated unexpectedly";
// - pool full past connectionTimeoutMillis → Error "timeout exceeded when trying to connect".

// P1001 can't reach, P1002 timed out, P1008 socket timeout, P1017 server closed the
// connection, P2024 pool timeout (query engine), P2037 too many connections.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

// Driver adapter error kinds (see convertDriverError in @prisma/adapter-pg).
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

// SQLSTATE: class 08 connection exceptions (not 08P01, a protocol bug), 53300 too many
// connections, 57P01–57P03 server shutting down / restarting / not yet accepting connections.
const UNAVAILABLE_SQLSTATES = new Set([
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "57P01",
  "57P02",
  "57P03",
]);

const NODE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/, // unexpectedly | due to connection timeout
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /Unable to start a transaction in the given time/, // Prisma P2028: pool never freed up
];

type ErrorShape = {
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
  name?: unknown;
  errors?: unknown;
};

function asShape(value: unknown): ErrorShape | null {
  return typeof value === "object" && value !== null ? (value as ErrorShape) : null;
}

function isUnavailableAdapterError(value: unknown): boolean {
  const adapterError = asShape(value);
  if (adapterError?.name !== "DriverAdapterError") return false;
  const cause = asShape(adapterError.cause) as { kind?: unknown; originalCode?: unknown } | null;
  if (typeof cause?.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
  return typeof cause?.originalCode === "string" && UNAVAILABLE_SQLSTATES.has(cause.originalCode);
}

function isUnavailableShape(error: ErrorShape): boolean {
  for (const code of [error.code, error.errorCode]) {
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_PRISMA_CODES.has(code) || NODE_SOCKET_CODES.has(code)) return true;
    if (UNAVAILABLE_SQLSTATES.has(code)) return true;
  }
  if (
    isUnavailableAdapterError(error) ||
    isUnavailableAdapterError(error.meta?.driverAdapterError)
  ) {
    return true;
  }
  const message = error.message;
  return (
    typeof message === "string" && PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))
  );
}

export function isDatabaseUnavailableError(error: unknown): boolean {
  // Follow causes (and AggregateError members, used by Node for dual-stack connects)
  // a few levels deep; the depth bound guards against cyclic causes.
  const pending: { value: unknown; depth: number }[] = [{ value: error, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop();
    const shape = asShape(next?.value);
    if (!next || !shape) continue;
    if (isUnavailableShape(shape)) return true;
    if (next.depth >= 4) continue;
    pending.push({ value: shape.cause, depth: next.depth + 1 });
    if (Array.isArray(shape.errors)) {
      for (const member of shape.errors) pending.push({ value: member, depth: next.depth + 1 });
    }
  }
  return false;
}
