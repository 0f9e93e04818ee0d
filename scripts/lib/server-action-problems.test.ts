import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  findServerActionProblems,
  hasUseServerDirective,
} from "@/scripts/lib/server-action-problems";

const parse = (source: string) =>
  ts.createSourceFile("actions.ts", source, ts.ScriptTarget.Latest, true);

describe("server action export check", () => {
  it("accepts actions built with the action client, and types", () => {
    const file = parse(`"use server";
      import { userAction } from "@/lib/actions/action-client";
      export type Input = { id: string };
      export const resolveGroup = userAction(schema, async () => null);`);
    expect(hasUseServerDirective(file)).toBe(true);
    expect(findServerActionProblems(file)).toEqual([]);
  });

  it.each([
    [`"use server"; export async function leak() {}`, "FunctionDeclaration"],
    [`"use server"; export const helper = (x: number) => x;`, `export "helper"`],
    [`"use server"; export { helper } from "./helper";`, "re-exports"],
  ])("flags %s", (source, expected) => {
    const problems = findServerActionProblems(parse(source));
    expect(problems.join("\n")).toContain(expected);
  });

  it("ignores files without the directive", () => {
    expect(hasUseServerDirective(parse(`export const x = 1;`))).toBe(false);
  });
});
