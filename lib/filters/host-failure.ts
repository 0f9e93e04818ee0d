import { toFilterFailure } from "@/lib/filters/filter-errors";
import type { FilterSource } from "@/lib/filters/filter-source";
import type { FilterFailure } from "@/lib/filters/filter-types";

// The guest's stack accounting cannot see the host's native stack, which deep
// parser or JSON recursion can exhaust first; anything else is unexpected.
export function toHostFailure(
  error: unknown,
  source: FilterSource,
  durationMs: number,
): FilterFailure {
  const isHostStackOverflow = error instanceof RangeError && /call stack/i.test(error.message);
  if (!isHostStackOverflow) console.error("[filters] the sandbox instance failed", error);
  return toFilterFailure({
    errorType: "panic",
    message: isHostStackOverflow
      ? "Filter exhausted the sandbox's stack (recursion or nesting too deep)"
      : `The sandbox failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    stack: null,
    lineCount: source.lineCount,
    durationMs,
  });
}
