// Executors copy error messages, stack traces and market data straight from user
// code, so text can carry terminal escapes, invisible characters and bidi overrides
// that spoof what a reviewer sees (Trojan Source). Strip them before anything stores
// or renders the text.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isInvisibleCodeUnit(code: number): boolean {
  // Newline, carriage return and tab carry meaning in stack traces and code snapshots.
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code <= 0x1f || // C0 controls
    (code >= 0x7f && code <= 0x9f) || // DEL and C1 controls
    (code >= 0x200b && code <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    code === 0x2060 || // word joiner
    code === 0xfeff // zero-width no-break space / BOM
  );
}

export function stripInvisibleCharacters(text: string): string {
  let result = "";
  // Copy runs of clean text in one slice: most input has nothing to strip.
  let runStart = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      index += 2;
      continue;
    }
    // A surrogate that is not part of a pair cannot be encoded as UTF-8 (Postgres rejects it).
    if (isInvisibleCodeUnit(code) || isHighSurrogate(code) || isLowSurrogate(code)) {
      result += text.slice(runStart, index);
      runStart = index + 1;
    }
    index += 1;
  }
  return runStart === 0 ? text : result + text.slice(runStart);
}

type PendingCopy =
  | { kind: "array"; source: unknown[]; target: unknown[] }
  | { kind: "object"; source: Record<string, unknown>; target: Record<string, unknown> };

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Works on a JSON value (as returned by readIngestBody): strings are cleaned, keys too,
// non-finite numbers become null (what JSON.stringify would write anyway).
export function sanitizeJsonValue(value: unknown): unknown {
  // An explicit work list instead of recursion: a hostile value must not overflow the stack.
  const pending: PendingCopy[] = [];

  const copyShallow = (input: unknown): unknown => {
    if (typeof input === "string") return stripInvisibleCharacters(input);
    if (typeof input === "number") return Number.isFinite(input) ? input : null;
    if (Array.isArray(input)) {
      const target: unknown[] = [];
      pending.push({ kind: "array", source: input, target });
      return target;
    }
    if (isPlainRecord(input)) {
      const target: Record<string, unknown> = {};
      pending.push({ kind: "object", source: input, target });
      return target;
    }
    return input;
  };

  const root = copyShallow(value);
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    if (job.kind === "array") {
      for (const item of job.source) job.target.push(copyShallow(item));
      continue;
    }
    for (const [rawKey, item] of Object.entries(job.source)) {
      const key = stripInvisibleCharacters(rawKey);
      // JSON.parse keeps "__proto__" as an own key, but any later `target[key] = …`
      // (Object.assign, zod's record parsing) would swap the prototype instead.
      if (key === "__proto__") continue;
      job.target[key] = copyShallow(item);
    }
  }
  return root;
}
