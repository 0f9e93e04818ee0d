import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "emails", "public"];
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "proxy.ts", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "generated" && name !== "node_modules")
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

// Rebuild only when a source is newer than the last production build.
export function needsBuild(root: string): boolean {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_ROOTS, ...SOURCE_FILES].map((path) => join(root, path));
  return sources.some((path) => newestMtime(path) > builtAt);
}
