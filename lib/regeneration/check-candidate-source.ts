import { stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";

export type SourceViolation = { rule: string; line: number | null; message: string };

const MAX_CANDIDATE_CHARS = 100_000;

type Rule = { rule: string; pattern: RegExp; message: string };

// Defence in depth in front of the sandbox: a candidate that reaches for modules,
// the network, code generation or the host is rejected before it ever runs. The
// rules are deliberately blunt (a comment mentioning fetch( fails too): the model
// is told so, and a false rejection costs one round, a false pass costs trust.
const rules: readonly Rule[] = [
  { rule: "import", pattern: /\bimport\b/, message: "imports are not available to filters" },
  { rule: "require", pattern: /\brequire\b/, message: "require is not available to filters" },
  { rule: "fetch", pattern: /\bfetch\b/, message: "filters cannot use the network (fetch)" },
  {
    rule: "XMLHttpRequest",
    pattern: /\bXMLHttpRequest\b/,
    message: "filters cannot use the network (XMLHttpRequest)",
  },
  {
    rule: "WebSocket",
    pattern: /\bWebSocket\b/,
    message: "filters cannot use the network (WebSocket)",
  },
  { rule: "eval", pattern: /\beval\b/, message: "eval is not allowed" },
  {
    rule: "Function(",
    pattern: /\bFunction\s*\(/,
    message: "the Function constructor is not allowed",
  },
  {
    rule: "constructor escape",
    pattern: /\.\s*constructor\b|\[\s*["'`]constructor["'`]\s*\]/,
    message: "reaching the Function constructor through .constructor is not allowed",
  },
  { rule: "process", pattern: /\bprocess\b/, message: "process is not available to filters" },
  { rule: "globalThis", pattern: /\bglobalThis\b/, message: "globalThis access is not allowed" },
];

function lineOf(code: string, index: number): number {
  let line = 1;
  for (let position = 0; position < index; position += 1) {
    if (code.charCodeAt(position) === 10) line += 1;
  }
  return line;
}

export function checkCandidateSource(code: string, failingCode: string): SourceViolation[] {
  if (code.trim() === "") return [{ rule: "empty", line: null, message: "the code is empty" }];
  if (code.length > MAX_CANDIDATE_CHARS) {
    return [
      {
        rule: "size",
        line: null,
        message: `the code is longer than ${MAX_CANDIDATE_CHARS} characters`,
      },
    ];
  }
  const violations: SourceViolation[] = [];
  if (code.trim() === failingCode.trim()) {
    violations.push({
      rule: "unchanged",
      line: null,
      message: "the code is identical to the failing version",
    });
  }
  // Trojan Source: bidi overrides make reviewed code differ from executed code.
  if (stripInvisibleCharacters(code) !== code) {
    violations.push({
      rule: "invisible characters",
      line: null,
      message: "the code contains invisible or bidirectional control characters",
    });
  }
  for (const { rule, pattern, message } of rules) {
    const match = pattern.exec(code);
    if (match) violations.push({ rule, line: lineOf(code, match.index), message });
  }
  if (!/\bexport\s+default\b/.test(code)) {
    violations.push({ rule: "export", line: null, message: "the module has no default export" });
  }
  return violations;
}
