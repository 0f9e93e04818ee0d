export const defaultCallbackUrl = "/errors";

const probeOrigin = "http://faultline.invalid";

// Browsers strip tabs and newlines from URLs, which can turn "/\t/host" into "//host".
function hasControlCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    if (value.charCodeAt(index) < 0x20 || value.charCodeAt(index) === 0x7f) return true;
  }
  return false;
}

// Only same-origin relative paths are honoured, so a crafted link can't bounce
// a freshly signed-in user to another site (open redirect). "//host" and
// "/\host" are protocol-relative in browsers and are rejected too.
export function resolveCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate?.startsWith("/") || candidate.startsWith("//")) {
    return defaultCallbackUrl;
  }
  if (candidate.includes("\\") || hasControlCharacters(candidate)) return defaultCallbackUrl;
  const parsed = new URL(candidate, probeOrigin);
  if (parsed.origin !== probeOrigin) return defaultCallbackUrl;
  // Coming back to the sign-in page after signing in would loop.
  if (parsed.pathname === "/sign-in" || parsed.pathname.startsWith("/api/auth")) {
    return defaultCallbackUrl;
  }
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
