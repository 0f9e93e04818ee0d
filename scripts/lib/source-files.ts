import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// Every TypeScript source file under dir (tests excluded), skipping generated code
// and dependencies: what the action check and the authorization matrix scan.
export function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}
