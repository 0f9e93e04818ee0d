import { describe, expect, it } from "vitest";
import { describeStatusChange } from "@/components/errors/describe-status-change";

const titles: Record<string, string> = { g1: "TypeError: close", g2: "RSI is NaN" };
const titleOf = (id: string) => titles[id];

describe("describeStatusChange", () => {
  it("counts what moved and what already had the status", () => {
    expect(
      describeStatusChange(
        { changed: ["g1", "g2"], unchanged: [], failed: [] },
        "resolved",
        titleOf,
      ),
    ).toEqual({ success: "Resolved 2 error groups", failure: null });
    expect(
      describeStatusChange(
        { changed: ["g1"], unchanged: ["g2"], failed: [] },
        "unresolved",
        titleOf,
      ).success,
    ).toBe("Reopened 1 error group; 1 error group was already open");
  });

  it("names every refused group with its reason", () => {
    const messages = describeStatusChange(
      {
        changed: [],
        unchanged: [],
        failed: [
          { groupId: "g2", code: "conflict", message: "The error group changed meanwhile; retry." },
          { groupId: "elsewhere", code: "not_found", message: "This error group does not exist." },
        ],
      },
      "ignored",
      titleOf,
    );
    expect(messages.success).toBeNull();
    expect(messages.failure).toEqual({
      title: "2 error groups could not be changed",
      lines: [
        "RSI is NaN: The error group changed meanwhile; retry.",
        "elsewhere: This error group does not exist.",
      ],
    });
  });

  it("lists a few failures and counts the rest", () => {
    const failed = ["a", "b", "c", "d", "e"].map((groupId) => ({
      groupId,
      code: "not_found" as const,
      message: "gone",
    }));
    const { failure } = describeStatusChange(
      { changed: [], unchanged: [], failed },
      "resolved",
      titleOf,
    );
    expect(failure?.lines).toEqual(["a: gone", "b: gone", "c: gone", "…and 2 more"]);
  });
});
