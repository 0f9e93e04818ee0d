import { describe, expect, it } from "vitest";
import { generateApiKey, isSecretMatching, parseApiKey } from "@/lib/api-keys/api-key-token";

describe("API key tokens", () => {
  it("round-trips a generated key and matches only its own hash", () => {
    const key = generateApiKey();
    const parsed = parseApiKey(key.token);
    expect(parsed?.prefix).toBe(key.prefix);
    expect(parsed && isSecretMatching(parsed.secret, key.hash)).toBe(true);
    expect(parsed && isSecretMatching(parsed.secret, generateApiKey().hash)).toBe(false);
  });

  it("never stores the secret in the prefix or hash", () => {
    const key = generateApiKey();
    const secret = parseApiKey(key.token)?.secret ?? "";
    expect(secret).toHaveLength(43);
    expect(key.hash).not.toContain(secret);
    expect(key.prefix).not.toContain(secret);
  });

  it.each(["", "fl_short_x", "Bearer fl_abc", `xx_${"a".repeat(12)}_${"b".repeat(43)}`])(
    "rejects malformed token %j",
    (token) => {
      expect(parseApiKey(token)).toBeNull();
    },
  );
});
