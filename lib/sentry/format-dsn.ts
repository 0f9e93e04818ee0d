// The DSN a trader pastes into a Sentry SDK: http(s)://<public key>@<host>/<project id>.
// A path in the app URL is kept, since SDKs put `/api/<project>/envelope/` after it.
export function formatTraderDsn(
  trader: { dsnPublicKey: string; projectId: number },
  appUrl: string,
): string {
  const url = new URL(appUrl);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${trader.dsnPublicKey}@${url.host}${path}/${trader.projectId}`;
}
