import { describe, expect, it } from "vitest";
import {
  clearInboxFilters,
  DEFAULT_INBOX_PAGE_SIZE,
  defaultInboxParams,
  hasInboxFilters,
  type InboxParams,
  inboxHref,
  MAX_INBOX_PAGE_SIZE,
  parseInboxSearchParams,
  serializeInboxSearchParams,
  withInboxChanges,
} from "@/lib/errors/inbox/inbox-search-params";

const traderId = "3f0b8a8e-6f7c-4d51-9a55-1d2f3c4b5a69";

describe("parseInboxSearchParams", () => {
  it("reads an empty query as the default view", () => {
    expect(parseInboxSearchParams({})).toEqual({
      ...defaultInboxParams,
      status: undefined,
      type: undefined,
      trader: undefined,
      q: undefined,
      range: undefined,
      since: undefined,
      after: undefined,
      before: undefined,
    });
  });

  it("reads every filter, the order and the page", () => {
    const params = parseInboxSearchParams({
      status: "unresolved,regressed",
      type: "timeout",
      trader: traderId,
      q: "  RSI is NaN  ",
      range: "7d",
      sort: "count",
      order: "asc",
      after: "abc",
      limit: "25",
    });
    expect(params).toMatchObject({
      status: ["unresolved", "regressed"],
      type: "timeout",
      trader: traderId,
      q: "RSI is NaN",
      range: "7d",
      sort: "count",
      order: "asc",
      after: "abc",
      limit: 25,
    });
  });

  it("accepts repeated and comma-separated statuses alike, without duplicates", () => {
    expect(parseInboxSearchParams({ status: ["resolved", "ignored,resolved"] }).status).toEqual([
      "resolved",
      "ignored",
    ]);
  });

  it("drops each invalid value on its own instead of failing the page", () => {
    const params = parseInboxSearchParams({
      status: "unresolved,bogus",
      type: "segfault",
      trader: "not-a-uuid",
      q: "   ",
      range: "2w",
      since: "yesterday",
      sort: "title",
      order: "sideways",
      limit: "lots",
      type_extra: "ignored",
    });
    expect(params).toMatchObject({
      status: undefined,
      type: undefined,
      trader: undefined,
      q: undefined,
      range: undefined,
      since: undefined,
      sort: "last_seen",
      order: "desc",
      limit: DEFAULT_INBOX_PAGE_SIZE,
    });
  });

  it("caps the page size", () => {
    expect(parseInboxSearchParams({ limit: "5000" }).limit).toBe(MAX_INBOX_PAGE_SIZE);
    expect(parseInboxSearchParams({ limit: "0" }).limit).toBe(DEFAULT_INBOX_PAGE_SIZE);
  });

  it("lets a custom since win over a relative range", () => {
    const params = parseInboxSearchParams({ range: "24h", since: "2026-03-01T10:00:00.000Z" });
    expect(params.since).toBe("2026-03-01T10:00:00.000Z");
    expect(params.range).toBeUndefined();
    expect(parseInboxSearchParams({ since: "2026-03-01" }).since).toBe("2026-03-01");
  });

  it("ignores both cursors when a link carries both directions", () => {
    const params = parseInboxSearchParams({ after: "a", before: "b" });
    expect(params.after).toBeUndefined();
    expect(params.before).toBeUndefined();
  });

  it("uses the first value of a repeated single-valued parameter", () => {
    expect(parseInboxSearchParams({ type: ["panic", "runtime"] }).type).toBe("panic");
  });
});

describe("serializeInboxSearchParams", () => {
  it("leaves defaults out, so the default view is plain /errors", () => {
    expect(serializeInboxSearchParams(defaultInboxParams)).toBe("");
    expect(inboxHref(defaultInboxParams)).toBe("/errors");
  });

  it("round-trips through the parser", () => {
    const params: InboxParams = {
      status: ["unresolved", "regressed"],
      type: "runtime",
      trader: traderId,
      q: "50% & more",
      since: "2026-03-01T10:00:00.000Z",
      sort: "first_seen",
      order: "asc",
      limit: 100,
      before: "cursor-value",
    };
    const search = serializeInboxSearchParams(params);
    expect(search).toBe(
      `status=unresolved%2Cregressed&type=runtime&trader=${traderId}&q=50%25+%26+more&since=2026-03-01T10%3A00%3A00.000Z&sort=first_seen&order=asc&limit=100&before=cursor-value`,
    );
    const reparsed = parseInboxSearchParams(Object.fromEntries(new URLSearchParams(search)));
    expect(reparsed).toEqual({ ...params, range: undefined, after: undefined });
  });
});

describe("view changes", () => {
  const paged: InboxParams = { ...defaultInboxParams, type: "panic", after: "next-page" };

  it("start again from the first page", () => {
    const changed = withInboxChanges(paged, { sort: "count" });
    expect(changed).toMatchObject({ type: "panic", sort: "count" });
    expect(changed.after).toBeUndefined();
    expect(changed.before).toBeUndefined();
  });

  it("clearing filters keeps the order and page size but not the position", () => {
    const view: InboxParams = {
      ...paged,
      q: "x",
      range: "1h",
      sort: "count",
      order: "asc",
      limit: 25,
    };
    expect(hasInboxFilters(view)).toBe(true);
    const cleared = clearInboxFilters(view);
    expect(hasInboxFilters(cleared)).toBe(false);
    expect(inboxHref(cleared)).toBe("/errors?sort=count&order=asc&limit=25");
  });

  it("sorting or paging alone is not filtering", () => {
    expect(hasInboxFilters({ ...defaultInboxParams, sort: "count", after: "x" })).toBe(false);
  });
});
