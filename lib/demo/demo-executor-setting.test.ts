import { describe, expect, it } from "vitest";
import { isDemoExecutorEnabled } from "@/lib/demo/demo-executor-setting";

describe("isDemoExecutorEnabled", () => {
  it("follows the embedded database on auto", () => {
    expect(isDemoExecutorEnabled({ setting: "auto", isEmbeddedDb: true })).toBe(true);
    expect(isDemoExecutorEnabled({ setting: "auto", isEmbeddedDb: false })).toBe(false);
  });

  it("obeys an explicit on or off", () => {
    expect(isDemoExecutorEnabled({ setting: "on", isEmbeddedDb: false })).toBe(true);
    expect(isDemoExecutorEnabled({ setting: "off", isEmbeddedDb: true })).toBe(false);
  });
});
