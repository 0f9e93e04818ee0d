import { describe, expect, it } from "vitest";
import { isDatabaseUnavailableError } from "@/lib/db-availability/is-database-unavailable-error";
import { toUnavailableError } from "@/lib/db-availability/to-unavailable-error";
import { AppError } from "@/lib/http/app-error";

// Shapes copied from what Prisma 7 + @prisma/adapter-pg actually threw against a dead
// database; the integration test re-proves them against real sockets.
function prismaKnownError(
  code: string,
  driverCause?: Record<string, unknown>,
  message = "Invalid `db.user.findFirst()` invocation",
) {
  return Object.assign(new Error(message), {
    name: "PrismaClientKnownRequestError",
    code,
    clientVersion: "7.10.1",
    meta: driverCause
      ? { driverAdapterError: { name: "DriverAdapterError", cause: driverCause } }
      : {},
  });
}

function socketError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), {
    code,
    errno: -111,
    syscall: "connect",
  });
}

describe("isDatabaseUnavailableError", () => {
  it.each([
    ["P1001 refused", prismaKnownError("P1001", { kind: "DatabaseNotReachable", port: 1 })],
    ["P1017 closed", prismaKnownError("P1017", { kind: "ConnectionClosed" })],
    ["P1008 socket timeout", prismaKnownError("P1008", { kind: "SocketTimeout" })],
    ["P2024 pool timeout", prismaKnownError("P2024")],
    ["P2037 too many connections", prismaKnownError("P2037", { kind: "TooManyConnections" })],
    ["raw query P2010", prismaKnownError("P2010", { kind: "DatabaseNotReachable" })],
    [
      "server shutting down (P2039 postgres 57P01)",
      prismaKnownError("P2039", { kind: "postgres", originalCode: "57P01" }),
    ],
    ["pg connect timeout", new Error("Connection terminated due to connection timeout")],
    ["pg socket closed", new Error("Connection terminated unexpectedly")],
    ["pg pool timeout", new Error("timeout exceeded when trying to connect")],
    ["bare socket error", socketError("ECONNREFUSED")],
    ["wrapped cause", new Error("query failed", { cause: socketError("ETIMEDOUT") })],
    ["dual-stack connect", new AggregateError([socketError("ECONNREFUSED")], "connect failed")],
    [
      "transaction never started (P2028 maxWait)",
      prismaKnownError(
        "P2028",
        undefined,
        "Transaction API error: Unable to start a transaction in the given time.",
      ),
    ],
  ])("recognizes %s", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["not found", prismaKnownError("P2025")],
    ["unique violation", prismaKnownError("P2002", { kind: "UniqueConstraintViolation" })],
    [
      "other postgres error",
      prismaKnownError("P2039", { kind: "postgres", originalCode: "42601" }),
    ],
    [
      "expired transaction (P2028, a slow transaction, not an outage)",
      prismaKnownError("P2028", undefined, "Transaction API error: Transaction already closed"),
    ],
    ["plain bug", new TypeError("Cannot read properties of undefined")],
    ["app error", new AppError("unavailable", "already mapped")],
    ["not an error", "Connection terminated unexpectedly"],
    ["null", null],
  ])("does not treat %s as an outage", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it("terminates on cyclic causes", () => {
    const error = new Error("outer");
    Object.assign(error, { cause: error });
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

describe("toUnavailableError", () => {
  it("maps an outage to a 503 with Retry-After", () => {
    const mapped = toUnavailableError(new Error("Connection terminated unexpectedly"));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({
      code: "unavailable",
      status: 503,
      message: "The database is unreachable; retry later.",
      retryAfterSeconds: 5,
    });
  });

  it("leaves other errors alone", () => {
    expect(toUnavailableError(prismaKnownError("P2002"))).toBeNull();
    expect(toUnavailableError(new AppError("not_found", "nope"))).toBeNull();
  });
});
