import { describe, expect, it } from "vitest";
import { resolveInboxSince, toListErrorGroupsOptions } from "@/lib/errors/inbox/inbox-list-options";
import { defaultInboxParams } from "@/lib/errors/inbox/inbox-search-params";

const now = new Date("2026-03-10T12:30:00.000Z");

describe("inbox list options", () => {
  it.each([
    ["1h", "2026-03-10T11:30:00.000Z"],
    ["24h", "2026-03-09T12:30:00.000Z"],
    ["7d", "2026-03-03T12:30:00.000Z"],
    ["30d", "2026-02-08T12:30:00.000Z"],
  ] as const)("resolves the %s range against the request time", (range, expected) => {
    expect(resolveInboxSince({ ...defaultInboxParams, range }, now)?.toISOString()).toBe(expected);
  });

  it("uses a custom since as given and no lower bound without a range", () => {
    const since = "2026-01-02T03:04:05.000Z";
    expect(resolveInboxSince({ ...defaultInboxParams, since }, now)?.toISOString()).toBe(since);
    expect(resolveInboxSince(defaultInboxParams, now)).toBeUndefined();
  });

  it("maps the page's names onto the shared query's options", () => {
    const options = toListErrorGroupsOptions(
      {
        ...defaultInboxParams,
        status: ["resolved"],
        type: "panic",
        trader: "3f0b8a8e-6f7c-4d51-9a55-1d2f3c4b5a69",
        q: "stack",
        range: "1h",
        sort: "count",
        order: "asc",
        before: "b",
        limit: 25,
      },
      { userId: "user-1", now },
    );
    expect(options).toEqual({
      userId: "user-1",
      status: ["resolved"],
      error_type: "panic",
      trader_id: "3f0b8a8e-6f7c-4d51-9a55-1d2f3c4b5a69",
      q: "stack",
      since: new Date("2026-03-10T11:30:00.000Z"),
      sort: "count",
      order: "asc",
      cursor: undefined,
      before: "b",
      limit: 25,
    });
  });
});
