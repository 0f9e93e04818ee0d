import { describe, expect, it } from "vitest";
import { buildListEtag, buildTraderCodeEtag, isEtagMatching } from "@/lib/deploy/executor-etag";

const versionId = "0b7f3c1e-2a4d-4f5e-9a8b-1c2d3e4f5a6b";

describe("executor ETags", () => {
  it("changes with the version and with the state", () => {
    const running = buildTraderCodeEtag({ versionId, state: "running" });
    expect(running).toBe(`"${versionId}.running"`);
    expect(buildTraderCodeEtag({ versionId, state: "paused" })).not.toBe(running);
  });

  it("matches exact, weak, listed and wildcard If-None-Match values", () => {
    const etag = buildTraderCodeEtag({ versionId, state: "running" });
    expect(isEtagMatching(etag, etag)).toBe(true);
    expect(isEtagMatching(`W/${etag}`, etag)).toBe(true);
    expect(isEtagMatching(`"other", ${etag}`, etag)).toBe(true);
    expect(isEtagMatching("*", etag)).toBe(true);
    expect(isEtagMatching(null, etag)).toBe(false);
    expect(isEtagMatching(`"${versionId}.paused"`, etag)).toBe(false);
    expect(isEtagMatching(versionId, etag)).toBe(false);
  });

  it("gives a listing a tag that follows its members", () => {
    const a = buildListEtag(['"a"', '"b"']);
    expect(a).toMatch(/^"[0-9a-f]{32}"$/);
    expect(buildListEtag(['"a"', '"b"'])).toBe(a);
    expect(buildListEtag(['"a"', '"c"'])).not.toBe(a);
  });
});
