import { topInAppFrames } from "@/lib/ingest/fingerprint";

// "message": the error text around the frames; "in-app": a frame of the user's filter;
// "runtime": a frame of the executor, the sandbox or the language runtime.
export type StackLineKind = "message" | "in-app" | "runtime";

export type StackLine = { text: string; kind: StackLineKind };

export type ParsedStackTrace = {
  lines: StackLine[];
  // The line of the user's filter where the error was raised, when a frame names it.
  failingLine: number | null;
};

const FRAME_START = /^\s*(at\s|File ")/;
const JS_LINE_NUMBER = /:(\d+)(?::\d+)?\)?\s*$/;
const PYTHON_LINE_NUMBER = /^\s*File "[^"]+", line (\d+)/;
// Python prints the failing source line, indented, right under its frame.
const PYTHON_SOURCE_LINE = /^\s{2,}\S/;

// Whether a frame is the user's is decided by the grouping code, so the page
// highlights exactly the frames a group's fingerprint is built from.
function isInAppFrame(line: string): boolean {
  return topInAppFrames(line).length > 0;
}

function classifyLines(stackTrace: string): StackLine[] {
  const lines: StackLine[] = [];
  let previous: StackLine | undefined;
  for (const text of stackTrace.replace(/\r\n?/g, "\n").split("\n")) {
    let kind: StackLineKind;
    if (FRAME_START.test(text)) kind = isInAppFrame(text) ? "in-app" : "runtime";
    else if (previous?.text.trimStart().startsWith('File "') && PYTHON_SOURCE_LINE.test(text))
      kind = previous.kind;
    else kind = "message";
    previous = { text, kind };
    lines.push(previous);
  }
  while (lines.length > 0 && lines.at(-1)?.text.trim() === "") lines.pop();
  return lines;
}

function readLineNumber(frame: string): number | null {
  const match = PYTHON_LINE_NUMBER.exec(frame) ?? JS_LINE_NUMBER.exec(frame);
  const line = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(line) && line > 0 ? line : null;
}

export function parseStackTrace(stackTrace: string): ParsedStackTrace {
  const lines = classifyLines(stackTrace);
  const frames = lines.filter((line) => line.kind === "in-app" && FRAME_START.test(line.text));
  // The innermost user frame raised the error: JS prints it first, Python last.
  const isPython = stackTrace.includes('File "');
  const innermost = isPython ? frames.at(-1) : frames[0];
  return { lines, failingLine: innermost ? readLineNumber(innermost.text) : null };
}
