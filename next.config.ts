import type { NextConfig } from "next";
// Validates the environment at build time and at server start.
import "./lib/env";

const nextConfig: NextConfig = {
  // Sentry SDKs POST to /api/<project>/envelope/ and do not follow Next's 308
  // trailing-slash redirect: without this their events are silently dropped.
  skipTrailingSlashRedirect: true,
  // QuickJS loads its WebAssembly from beside its own JS: bundling would break the path.
  serverExternalPackages: [
    "pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "quickjs-emscripten",
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
  ],
  poweredByHeader: false,
};

export default nextConfig;
