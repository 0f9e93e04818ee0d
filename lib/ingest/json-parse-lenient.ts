import { AppError } from "@/lib/http/app-error";

export const MAX_JSON_DEPTH = 64;

// Python's json.dumps writes these bare tokens for float('nan') and ±inf; executors
// written in Python send them whenever an indicator blows up.
const nonFiniteTokens = ["-Infinity", "Infinity", "NaN"] as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

type Replacement = { start: number; end: number };

// Returns the index just past the closing quote, or the end of the text when the
// string never closes (JSON.parse then reports the malformed input).
function skipString(text: string, openingQuote: number): number {
  let index = openingQuote + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index += 2;
    else if (code === QUOTE) return index + 1;
    else index += 1;
  }
  return text.length;
}

function matchNonFiniteToken(text: string, index: number): number {
  for (const token of nonFiniteTokens) {
    if (text.startsWith(token, index)) return token.length;
  }
  return 0;
}

// One pass over the text outside strings: finds bare non-finite tokens and rejects
// deep nesting before JSON.parse ever sees the input. Outside strings, valid JSON
// only contains true/false/null letters, so any NaN/Infinity found there is either a
// bare token or garbage that JSON.parse still rejects after the rewrite.
function scanJsonText(text: string, maxDepth: number): Replacement[] {
  const replacements: Replacement[] = [];
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = skipString(text, index);
      continue;
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      if (depth > maxDepth) {
        throw new AppError(
          "bad_request",
          `The JSON body nests arrays/objects deeper than ${maxDepth} levels (at character ${index}).`,
        );
      }
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth -= 1;
    } else {
      const length = matchNonFiniteToken(text, index);
      if (length > 0) {
        replacements.push({ start: index, end: index + length });
        index += length;
        continue;
      }
    }
    index += 1;
  }
  return replacements;
}

function applyReplacements(text: string, replacements: Replacement[]): string {
  let result = "";
  let cursor = 0;
  for (const { start, end } of replacements) {
    result += `${text.slice(cursor, start)}null`;
    cursor = end;
  }
  return result + text.slice(cursor);
}

// JSON.parse plus two things it lacks: NaN/Infinity/-Infinity outside strings read as
// null, and a nesting limit so a 10k-deep body is a 400 rather than a deep value that
// later recursive code (zod, Prisma, JSON.stringify) would overflow on.
export function parseLenientJson(text: string, options: { maxDepth?: number } = {}): unknown {
  if (/^[ \t\n\r]*$/.test(text)) throw new AppError("invalid_json", "The request body is empty.");
  const replacements = scanJsonText(text, options.maxDepth ?? MAX_JSON_DEPTH);
  const rewritten = replacements.length === 0 ? text : applyReplacements(text, replacements);
  try {
    return JSON.parse(rewritten);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unparseable";
    const note = replacements.length === 0 ? "" : " (after reading NaN/Infinity/-Infinity as null)";
    throw new AppError("invalid_json", `The request body is not valid JSON${note}: ${reason}`);
  }
}
