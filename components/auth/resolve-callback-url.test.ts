import { describe, expect, it } from "vitest";
import { defaultCallbackUrl, resolveCallbackUrl } from "@/components/auth/resolve-callback-url";

describe("resolveCallbackUrl", () => {
  it("keeps same-origin relative paths with query and hash", () => {
    expect(resolveCallbackUrl("/errors/abc?tab=events#latest")).toBe(
      "/errors/abc?tab=events#latest",
    );
    expect(resolveCallbackUrl(["/traders", "/ignored"])).toBe("/traders");
  });

  it.each([
    undefined,
    "",
    "errors",
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
  ])("falls back for %j", (value) => {
    expect(resolveCallbackUrl(value)).toBe(defaultCallbackUrl);
  });

  it("never sends a signed-in user back to sign-in or the auth API", () => {
    expect(resolveCallbackUrl("/sign-in?callbackUrl=/errors")).toBe(defaultCallbackUrl);
    expect(resolveCallbackUrl("/api/auth/signout")).toBe(defaultCallbackUrl);
  });
});
