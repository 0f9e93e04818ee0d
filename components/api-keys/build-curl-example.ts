export type CurlExampleOptions = {
  appUrl: string;
  token: string;
  // Required by the API for keys that are not scoped to a trader; null → a placeholder.
  traderId: string | null;
};

// A ready-to-paste request that reports one runtime error. The token alphabet
// ([A-Za-z0-9_-]) and a uuid need no shell escaping inside the quotes used here.
export function buildCurlExample({ appUrl, token, traderId }: CurlExampleOptions): string {
  const url = new URL("/api/errors", appUrl).toString();
  const body = JSON.stringify({
    trader_id: traderId ?? "<your trader id>",
    error_type: "runtime",
    error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
  });
  return [
    `curl -X POST ${url} \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body.replace(/'/g, "'\\''")}'`,
  ].join("\n");
}
