// One database per e2e run, chosen when playwright.config.ts loads so that the web
// server and the test workers (which inherit the environment) agree on it.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMBEDDED_PORT = Number(process.env.E2E_EMBEDDED_DB_PORT ?? 54339);

export function resolveE2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const server = process.env.TEST_DATABASE_URL;
  if (!server)
    return `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?sslmode=disable`;
  const url = new URL(server);
  url.pathname = `/faultline_e2e_${Date.now()}_${process.pid}`;
  return url.toString();
}

export function isEmbeddedE2eDatabase(): boolean {
  return !process.env.TEST_DATABASE_URL;
}

export { EMBEDDED_PORT as E2E_EMBEDDED_DB_PORT };
