import { describe, expect, it } from "vitest";
import { decideHealthStatus } from "@/lib/health/health-status-rule";

const thresholds = { maxUnresolved: 10, maxErrors24h: 20 };
const none = { total: 0, unresolved: 0, last24h: 0, criticalUnresolved: 0 };

describe("decideHealthStatus", () => {
  it.each([
    ["nothing wrong", none, "ok", []],
    ["at the thresholds", { ...none, total: 20, unresolved: 10, last24h: 20 }, "ok", []],
    [
      "one critical",
      { ...none, total: 1, unresolved: 1, criticalUnresolved: 1 },
      "degraded",
      ["critical_unresolved"],
    ],
    ["11 unresolved", { ...none, total: 11, unresolved: 11 }, "degraded", ["too_many_unresolved"]],
    ["21 in 24 h", { ...none, total: 21, last24h: 21 }, "degraded", ["too_many_errors_24h"]],
  ] as const)("%s → %s", (_label, counts, status, reasons) => {
    expect(decideHealthStatus({ isDatabaseReachable: true, counts, thresholds })).toEqual({
      status,
      reasons,
    });
  });

  it("is unhealthy without a database, whatever the counts", () => {
    expect(decideHealthStatus({ isDatabaseReachable: false, counts: none, thresholds })).toEqual({
      status: "unhealthy",
      reasons: ["database_unreachable"],
    });
  });

  it("is degraded when the counts cannot be read", () => {
    expect(decideHealthStatus({ isDatabaseReachable: true, counts: null, thresholds }).status).toBe(
      "degraded",
    );
  });

  it("follows configured thresholds", () => {
    const strict = { maxUnresolved: 0, maxErrors24h: 0 };
    expect(
      decideHealthStatus({
        isDatabaseReachable: true,
        counts: { ...none, total: 1, unresolved: 1, last24h: 1 },
        thresholds: strict,
      }).reasons,
    ).toEqual(["too_many_unresolved", "too_many_errors_24h"]);
  });
});
