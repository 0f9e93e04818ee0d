// File names the engine puts in stack frames: the user's code and our prelude.
export const FILTER_FILE_NAME = "filter.js";
export const SANDBOX_FILE_NAME = "sandbox.js";
export const DECLARED_FILTER_GLOBAL = "__faultlineDeclaredFilter";

export type FilterSource = { text: string; lineCount: number };

// Code is evaluated as an ES module. A plain `function filter(input) {…}` is not
// visible from outside a module, so one line handing it over is appended —
// after the user's code, never before it, so every line number stays the
// user's own. It is a plain statement, not an `export`, so code missing a
// closing brace fails as it would on its own rather than with a complaint
// about an `export` keyword the user never wrote.
export function toFilterSource(code: string): FilterSource {
  return {
    text: `${code}\n;globalThis.${DECLARED_FILTER_GLOBAL} = typeof filter === "function" ? filter : undefined;\n`,
    lineCount: code.split("\n").length,
  };
}
