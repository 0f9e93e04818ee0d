// `prisma generate` needs no schema engine in Prisma 7, but the CLI checks that
// one exists before it starts. Offline (no engine download) any existing file
// satisfies that check; the generated client is Rust-free either way.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
