import { describe, expect, it } from "vitest";
import {
  parseSystemErrorParams,
  serializeSystemErrorParams,
  systemErrorsHref,
  withSystemErrorChanges,
} from "@/lib/admin/system-error-search-params";

describe("parseSystemErrorParams", () => {
  it("reads every filter, with repeated and comma-separated severities", () => {
    expect(
      parseSystemErrorParams({
        severity: ["high,critical", "high"],
        type: " job_dead_letter ",
        component: "jobs",
        unresolved: "1",
        since: "2026-11-01T00:00:00.000Z",
        until: "2026-11-02T00:00:00.000Z",
        cursor: "abc",
      }),
    ).toEqual({
      severity: ["high", "critical"],
      type: "job_dead_letter",
      component: "jobs",
      unresolved: true,
      since: "2026-11-01T00:00:00.000Z",
      until: "2026-11-02T00:00:00.000Z",
      cursor: "abc",
    });
  });

  it("drops each invalid field on its own instead of failing the view", () => {
    expect(
      parseSystemErrorParams({
        severity: "urgent",
        component: "kitchen",
        unresolved: "yes",
        since: "yesterday",
        type: "ok_type",
      }),
    ).toEqual({
      severity: undefined,
      type: "ok_type",
      component: undefined,
      unresolved: false,
      since: undefined,
      until: undefined,
      cursor: undefined,
    });
  });
});

describe("serializeSystemErrorParams", () => {
  it("round-trips and leaves defaults out", () => {
    const params = parseSystemErrorParams({ severity: "low,medium", unresolved: "true" });
    expect(serializeSystemErrorParams(params)).toBe("severity=low%2Cmedium&unresolved=1");
    expect(
      parseSystemErrorParams(
        Object.fromEntries(new URLSearchParams("severity=low%2Cmedium&unresolved=1")),
      ),
    ).toEqual(params);
    expect(systemErrorsHref({ unresolved: false })).toBe("/admin/errors");
  });

  it("starts again from the newest page when a filter changes", () => {
    const paged = parseSystemErrorParams({ cursor: "next-page", type: "a" });
    expect(withSystemErrorChanges(paged, { type: "b" })).toEqual({
      ...paged,
      type: "b",
      cursor: undefined,
    });
  });
});
