import { DECLARED_FILTER_GLOBAL } from "@/lib/filters/filter-source";
import { createIndicators } from "@/lib/filters/indicators";
import { installSandbox } from "@/lib/filters/sandbox-prelude";

// One script per context: evaluates to `(nowMs, seed) => driver`. `__name` is
// the helper esbuild's keepNames (used by tsx) inserts into function bodies;
// the no-op shim keeps the source runnable whichever compiler produced it.
export const sandboxSource = `(function () {
  const __name = (target) => target;
  const createIndicators = ${createIndicators.toString()};
  const installSandbox = ${installSandbox.toString()};
  return (nowMs, seed) =>
    installSandbox(createIndicators, ${JSON.stringify(DECLARED_FILTER_GLOBAL)}, nowMs, seed);
})()`;
