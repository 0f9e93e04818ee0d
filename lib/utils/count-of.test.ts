import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/utils/count-of";

describe("countOf", () => {
  it("uses the singular for one and groups thousands", () => {
    expect(countOf(1, "event")).toBe("1 event");
    expect(countOf(0, "event")).toBe("0 events");
    expect(countOf(1204, "system error")).toBe("1,204 system errors");
  });
});
