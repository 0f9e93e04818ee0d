import { describe, expect, it } from "vitest";
import { readSentryKey } from "@/lib/sentry/read-sentry-key";

const KEY = "0123456789abcdef0123456789abcdef";

function request(query: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/7/envelope/${query}`, { method: "POST", headers });
}

describe("readSentryKey", () => {
  it("reads the key from the query string", () => {
    expect(readSentryKey(request(`?sentry_version=7&sentry_key=${KEY}`))).toBe(KEY);
  });

  it("reads the key from X-Sentry-Auth or Authorization: Sentry", () => {
    const header = `Sentry sentry_version=7, sentry_client=raven-go/1.0, sentry_key=${KEY}`;
    expect(readSentryKey(request("", { "x-sentry-auth": header }))).toBe(KEY);
    expect(readSentryKey(request("", { authorization: header }))).toBe(KEY);
  });

  it("finds nothing in other schemes or without a key", () => {
    expect(readSentryKey(request("", { authorization: `Bearer ${KEY}` }))).toBeNull();
    expect(readSentryKey(request("", { "x-sentry-auth": "Sentry sentry_version=7" }))).toBeNull();
    expect(readSentryKey(request("?sentry_key="))).toBeNull();
  });
});
