// Everything exported from a "use server" file is a public endpoint. This check
// fails when such a file exports anything but actions built by lib/actions/action-client
// (userAction / adminAction), so no helper becomes callable from the browser by accident.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import ts from "typescript";
import {
  findServerActionProblems,
  hasUseServerDirective,
} from "@/scripts/lib/server-action-problems";
import { sourceFiles } from "@/scripts/lib/source-files";

const ROOTS = ["app", "lib", "components"];

let failures = 0;
let checked = 0;
for (const root of ROOTS) {
  for (const path of sourceFiles(root)) {
    const file = ts.createSourceFile(
      path,
      readFileSync(path, "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    if (!hasUseServerDirective(file)) continue;
    checked += 1;
    for (const problem of findServerActionProblems(file)) {
      failures += 1;
      console.error(`${relative(process.cwd(), path)}: ${problem}`);
    }
  }
}
console.log(`server actions: ${checked} "use server" file(s) checked, ${failures} problem(s)`);
process.exit(failures > 0 ? 1 : 0);
