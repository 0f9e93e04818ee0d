import { FILTER_FILE_NAME, SANDBOX_FILE_NAME } from "@/lib/filters/filter-source";
import type { FilterErrorType, FilterFailure, FilterLimits } from "@/lib/filters/filter-types";
import { type DescribedError, describeSnapshot } from "@/lib/filters/sandbox-wire";

const MAX_FRAMES = 20;
const MAX_MESSAGE_LENGTH = 2_000;
const USER_FRAME_LINE = new RegExp(
  `[ (]${FILTER_FILE_NAME.replace(".", "\\.")}:(\\d+)(?::\\d+)?\\)?$`,
);

export type EngineLimit = "timeout" | "memory" | "stack";

// QuickJS reports its own limits as InternalErrors with fixed messages.
export function engineLimitOf(error: DescribedError): Exclude<EngineLimit, "timeout"> | null {
  if (!error.isError || error.name !== "InternalError") return null;
  if (error.message === "out of memory") return "memory";
  if (error.message === "stack overflow") return "stack";
  return null;
}

export function errorMessageOf(error: DescribedError): string {
  if (!error.isError) return `Uncaught ${describeSnapshot(error.thrown)}`;
  const name = error.name ?? "Error";
  return error.message ? `${name}: ${error.message}` : name;
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export function limitMessage(limit: EngineLimit, limits: FilterLimits): string {
  switch (limit) {
    case "timeout":
      return `Filter exceeded its ${limits.timeoutMs} ms time limit`;
    case "memory":
      return `Filter exceeded its ${formatBytes(limits.memoryBytes)} memory limit`;
    case "stack":
      return `Filter exceeded its ${formatBytes(limits.stackBytes)} stack limit (recursion too deep)`;
  }
}

// Frames of the sandbox's own driver are noise to the user; a stack overflow
// repeats one frame thousands of times.
function keepUserFrames(stack: string): string[] {
  const frames = stack
    .split("\n")
    .map((frame) => frame.trimEnd())
    .filter((frame) => frame.trim() !== "" && !frame.includes(`${SANDBOX_FILE_NAME}:`));
  if (frames.length <= MAX_FRAMES) return frames;
  return [...frames.slice(0, MAX_FRAMES), `    ... ${frames.length - MAX_FRAMES} more frames`];
}

function firstUserLine(frames: string[], lineCount: number): number | null {
  for (const frame of frames) {
    const match = USER_FRAME_LINE.exec(frame);
    // A syntax error at the end of the input is reported on the line the
    // sandbox appended; it belongs to the user's last line.
    if (match) return Math.min(Number(match[1]), lineCount);
  }
  return null;
}

export function toFilterFailure(options: {
  errorType: FilterErrorType;
  message: string;
  stack: string | null;
  lineCount: number;
  durationMs: number;
}): FilterFailure {
  const message =
    options.message.length > MAX_MESSAGE_LENGTH
      ? `${options.message.slice(0, MAX_MESSAGE_LENGTH)}…`
      : options.message;
  const frames = keepUserFrames(options.stack ?? "");
  return {
    ok: false,
    errorType: options.errorType,
    message,
    stack: frames.length > 0 ? [message, ...frames].join("\n") : null,
    line: firstUserLine(frames, options.lineCount),
    durationMs: options.durationMs,
  };
}
