import { describe, expect, it } from "vitest";
import { paramsFromSorting, sortingFromParams } from "@/components/errors/inbox-sorting";
import { pageLinkLabels } from "@/components/errors/page-link-labels";

describe("inbox sorting", () => {
  it("shows the server's order as the table's sorting state", () => {
    expect(sortingFromParams({ sort: "last_seen", order: "desc" })).toEqual([
      { id: "lastSeenAt", desc: true },
    ]);
    expect(sortingFromParams({ sort: "count", order: "asc" })).toEqual([
      { id: "eventCount", desc: false },
    ]);
  });

  it("turns a header click back into URL parameters", () => {
    expect(paramsFromSorting([{ id: "firstSeenAt", desc: false }])).toEqual({
      sort: "first_seen",
      order: "asc",
    });
    expect(paramsFromSorting([{ id: "eventCount", desc: true }])).toEqual({
      sort: "count",
      order: "desc",
    });
  });

  it("refuses orders the server cannot produce", () => {
    expect(paramsFromSorting([{ id: "title", desc: true }])).toBeNull();
    expect(paramsFromSorting([])).toBeNull();
  });

  it("names page links by what lies in that direction", () => {
    expect(pageLinkLabels({ sort: "last_seen", order: "desc" })).toEqual({
      previous: "Newer",
      next: "Older",
    });
    expect(pageLinkLabels({ sort: "first_seen", order: "asc" })).toEqual({
      previous: "Older",
      next: "Newer",
    });
    expect(pageLinkLabels({ sort: "count", order: "desc" })).toEqual({
      previous: "Previous",
      next: "Next",
    });
  });
});
