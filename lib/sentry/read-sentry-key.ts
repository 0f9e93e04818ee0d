// Sentry SDKs authenticate with the DSN's public key, either in the query string
// (`?sentry_key=…`, what the JavaScript SDKs do) or in an auth header
// (`X-Sentry-Auth: Sentry sentry_key=…, sentry_version=7`, older and other SDKs;
// some proxies forward it as `Authorization: Sentry …`).
function readKeyFromAuthHeader(header: string | null): string | null {
  const match = /^\s*Sentry\s+(.*)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  for (const pair of match[1].split(",")) {
    const [name, ...rest] = pair.split("=");
    if (name?.trim().toLowerCase() === "sentry_key") return rest.join("=").trim() || null;
  }
  return null;
}

export function readSentryKey(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("sentry_key");
  return (
    fromQuery ||
    readKeyFromAuthHeader(request.headers.get("x-sentry-auth")) ||
    readKeyFromAuthHeader(request.headers.get("authorization"))
  );
}
