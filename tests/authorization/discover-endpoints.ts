// Finds every endpoint the app exposes, from the source tree rather than a list someone
// keeps: route handlers (the HTTP methods exported by app/**/route.ts) and server actions
// (every export of a "use server" file, which Next makes callable from any browser).
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { hasUseServerDirective } from "@/scripts/lib/server-action-problems";
import { sourceFiles } from "@/scripts/lib/source-files";

export type DiscoveredEndpoint = { key: string; file: string; exportName: string };

const HTTP_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
// The same roots scripts/check-server-actions.ts checks for "use server" files.
const ACTION_ROOTS = ["app", "lib", "components"];

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
}

function hasExportModifier(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

// Value exports only: `export const X`, `export function X`, `export { a as X }`.
function exportedValueNames(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (!element.isTypeOnly) names.push(element.name.text);
        }
      }
      continue;
    }
    if (!hasExportModifier(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return names;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

// app/(app)/errors/[id]/route.ts → /errors/:id ; [...nextauth] → *nextauth. Route groups
// and parallel-route slots are not part of the URL.
export function toUrlPath(routeFile: string): string {
  const segments = toPosix(routeFile)
    .replace(/^app\//, "")
    .replace(/\/?route\.(ts|tsx)$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((segment) =>
      segment
        .replace(/^\[\[\.\.\.(.+)\]\]$/, "*$1?")
        .replace(/^\[\.\.\.(.+)\]$/, "*$1")
        .replace(/^\[(.+)\]$/, ":$1"),
    );
  return `/${segments.join("/")}`;
}

export function discoverRoutes(root: string): DiscoveredEndpoint[] {
  const endpoints: DiscoveredEndpoint[] = [];
  for (const path of sourceFiles(join(root, "app"))) {
    if (!/\/route\.tsx?$/.test(toPosix(path))) continue;
    const file = toPosix(relative(root, path));
    for (const name of exportedValueNames(parse(path))) {
      if (HTTP_METHODS.has(name)) {
        endpoints.push({ key: `${name} ${toUrlPath(file)}`, file, exportName: name });
      }
    }
  }
  return endpoints.sort((a, b) => a.key.localeCompare(b.key));
}

export function discoverServerActions(root: string): DiscoveredEndpoint[] {
  const endpoints: DiscoveredEndpoint[] = [];
  for (const dir of ACTION_ROOTS) {
    for (const path of sourceFiles(join(root, dir))) {
      const source = parse(path);
      if (!hasUseServerDirective(source)) continue;
      const file = toPosix(relative(root, path));
      for (const name of exportedValueNames(source)) {
        endpoints.push({ key: `${file}#${name}`, file, exportName: name });
      }
    }
  }
  return endpoints.sort((a, b) => a.key.localeCompare(b.key));
}
