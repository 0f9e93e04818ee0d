import { describe, expect, it } from "vitest";
import { canTransition, isUserSettableStatus } from "@/lib/errors/group-lifecycle";
import { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

const statuses = Object.values(ErrorGroupStatus);

describe("group lifecycle", () => {
  it("lets a user resolve, reopen and ignore", () => {
    expect(canTransition("unresolved", "resolved")).toBe(true);
    expect(canTransition("resolved", "unresolved")).toBe(true);
    expect(canTransition("regressed", "resolved")).toBe(true);
    expect(canTransition("ignored", "unresolved")).toBe(true);
    expect(canTransition("fix_deployed", "resolved")).toBe(true);
  });

  it("lets a user ignore from any other status", () => {
    for (const from of statuses.filter((status) => status !== "ignored")) {
      expect(canTransition(from, "ignored"), from).toBe(true);
    }
  });

  it("never lets a user set a system-owned status", () => {
    for (const to of ["regressed", "fix_proposed", "fix_deployed"] as const) {
      expect(isUserSettableStatus(to)).toBe(false);
      for (const from of statuses) expect(canTransition(from, to), `${from}→${to}`).toBe(false);
    }
    expect(statuses.filter(isUserSettableStatus).sort()).toEqual([
      "ignored",
      "resolved",
      "unresolved",
    ]);
  });

  it("treats staying in a status as no transition", () => {
    for (const status of statuses) {
      expect(canTransition(status, status, "user")).toBe(false);
      expect(canTransition(status, status, "system")).toBe(false);
    }
  });

  it("keeps system moves separate from user moves", () => {
    expect(canTransition("resolved", "regressed", "system")).toBe(true);
    expect(canTransition("unresolved", "fix_proposed", "system")).toBe(true);
    expect(canTransition("unresolved", "fix_deployed", "system")).toBe(true);
    expect(canTransition("regressed", "fix_deployed", "system")).toBe(true);
    expect(canTransition("resolved", "fix_deployed", "system")).toBe(false);
    expect(canTransition("fix_proposed", "fix_deployed", "system")).toBe(true);
    expect(canTransition("ignored", "unresolved", "system")).toBe(true);
    expect(canTransition("unresolved", "resolved", "system")).toBe(false);
  });
});
