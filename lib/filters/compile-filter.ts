import { withFilterEngine } from "@/lib/filters/filter-engine";
import { resolveFilterLimits } from "@/lib/filters/filter-limits";
import { toFilterSource } from "@/lib/filters/filter-source";
import type { FilterLimits } from "@/lib/filters/filter-types";
import { toHostFailure } from "@/lib/filters/host-failure";
import { type CompileResult, compileInSandbox } from "@/lib/filters/sandbox-run";

// Syntax check only: the code is parsed (imports included) but never run.
export async function compileFilter(
  code: string,
  limits?: Partial<FilterLimits>,
): Promise<CompileResult> {
  const source = toFilterSource(code);
  const resolved = resolveFilterLimits(limits);
  const started = performance.now();
  return withFilterEngine(
    resolved.memoryBytes,
    (engine) => compileInSandbox(engine, { source, limits: resolved }),
    (error) => toHostFailure(error, source, performance.now() - started),
  );
}
