import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  Scope,
} from "quickjs-emscripten";
import { z } from "zod";
import { type FilterEngine, isEngineMemoryExhausted } from "@/lib/filters/filter-engine";
import {
  engineLimitOf,
  errorMessageOf,
  limitMessage,
  toFilterFailure,
} from "@/lib/filters/filter-errors";
import {
  FILTER_FILE_NAME,
  type FilterSource,
  SANDBOX_FILE_NAME,
} from "@/lib/filters/filter-source";
import type {
  FilterErrorType,
  FilterFailure,
  FilterLimits,
  FilterRunResult,
} from "@/lib/filters/filter-types";
import { sandboxSource } from "@/lib/filters/sandbox-source";
import {
  type DescribedError,
  decodeFilterReturn,
  describedErrorSchema,
  describeSnapshot,
  filterOutcomeSchema,
} from "@/lib/filters/sandbox-wire";

// Our own work (installing the prelude, parsing the input) is not charged to
// the filter's time limit but still cannot hang.
const SETUP_BUDGET_MS = 2_000;
// Reading what the filter threw may run its getters: bounded separately, and
// allowed a little more than the limit the filter may just have exhausted.
const INSPECT_BUDGET_MS = 50;
const INSPECT_HEADROOM_BYTES = 1024 * 1024;

export type CompileJob = { source: FilterSource; limits: FilterLimits };
// The input travels as JSON without its candles, which are packed seven
// numbers each (see loadInput in sandbox-prelude.ts).
export type RunJob = CompileJob & {
  checkSyntax: boolean;
  inputMeta: string;
  packedCandles: Float64Array;
  nowMs: number;
  seed: string;
};
export type CompileResult = { ok: true } | FilterFailure;

type Clock = { deadline: number; interrupted: boolean };
type Driver = { loadInput: QuickJSHandle; callFilter: QuickJSHandle; describeError: QuickJSHandle };

const engineErrorSchema = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  stack: z.string().optional(),
});

const UNREADABLE_ERROR: DescribedError = {
  isError: true,
  name: "Error",
  message: "the filter threw something the sandbox could not inspect",
  thrown: { type: "object" },
};

export function runInSandbox(engine: FilterEngine, job: RunJob): FilterRunResult {
  return withSandbox(engine, job, (sandbox) => sandbox.run(job));
}

export function compileInSandbox(engine: FilterEngine, job: CompileJob): CompileResult {
  return withSandbox(engine, job, (sandbox) => sandbox.compile());
}

// One fresh runtime and context per job: nothing survives from one run to the
// next. Throws only when the engine itself failed (see withFilterEngine); the
// runtime is then left to be discarded with its instance.
function withSandbox<T>(engine: FilterEngine, job: CompileJob, work: (sandbox: Sandbox) => T): T {
  const clock: Clock = { deadline: performance.now() + SETUP_BUDGET_MS, interrupted: false };
  const runtime = engine.module.newRuntime();
  runtime.setMemoryLimit(job.limits.memoryBytes);
  runtime.setMaxStackSize(job.limits.stackBytes);
  runtime.setInterruptHandler(() => {
    if (performance.now() < clock.deadline) return false;
    clock.interrupted = true;
    return true;
  });
  const context = runtime.newContext();
  const scope = new Scope();
  const result = work(new Sandbox(engine, runtime, context, scope, clock, job));
  scope.dispose();
  context.dispose();
  runtime.dispose();
  return result;
}

class Sandbox {
  constructor(
    private readonly engine: FilterEngine,
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly scope: Scope,
    private readonly clock: Clock,
    private readonly job: CompileJob,
  ) {}

  // No prelude needed: nothing of the user's runs, so the engine's own
  // SyntaxError can be read directly.
  compile(): CompileResult {
    const started = performance.now();
    const compiled = this.context.evalCode(this.job.source.text, FILTER_FILE_NAME, {
      type: "module",
      compileOnly: true,
    });
    if (compiled.error) {
      return this.failure(compiled.error, "compilation", started, (handle) =>
        this.dumpError(handle),
      );
    }
    compiled.value.dispose();
    return { ok: true };
  }

  run({ checkSyntax, inputMeta, packedCandles, nowMs, seed }: RunJob): FilterRunResult {
    if (checkSyntax) {
      const compiled = this.compile();
      if (!compiled.ok) return compiled;
    }
    const driver = this.installDriver(nowMs, seed);
    if ("failure" in driver) return driver.failure;

    const input = this.call(
      driver.loadInput,
      this.manage(this.context.newString(inputMeta)),
      this.manage(this.context.newArrayBuffer(packedCandles.buffer)),
    );
    if ("error" in input) return this.setupFailure(input.error, "could not load the input");

    const started = performance.now();
    this.startClock(started + this.job.limits.timeoutMs);
    const evaluated = this.context.evalCode(this.job.source.text, FILTER_FILE_NAME, {
      type: "module",
    });
    const inspect = (handle: QuickJSHandle) => this.inspect(driver, handle);
    if (evaluated.error) return this.failure(evaluated.error, "runtime", started, inspect);
    const exports = this.settleModule(this.manage(evaluated.value));
    if ("error" in exports) return this.failure(exports.error, "runtime", started, inspect);
    if ("pending" in exports) {
      return this.fail("runtime", "the module's top-level await never settled", null, started);
    }

    const outcome = this.call(driver.callFilter, exports.value, input.value);
    if ("error" in outcome) return this.failure(outcome.error, "runtime", started, inspect);
    const durationMs = performance.now() - started;
    this.startClock(Number.POSITIVE_INFINITY);
    // An engine polls its interrupt handler only between bytecodes: a single
    // long native call (a huge sort) can finish past the deadline.
    if (durationMs > this.job.limits.timeoutMs) {
      return this.fail("timeout", limitMessage("timeout", this.job.limits), null, started);
    }
    return this.interpret(this.context.getString(outcome.value), durationMs);
  }

  private installDriver(nowMs: number, seed: string): Driver | { failure: FilterFailure } {
    const factory = this.context.evalCode(sandboxSource, SANDBOX_FILE_NAME);
    if (factory.error) return { failure: this.setupFailure(factory.error, "could not start") };
    const driver = this.call(
      this.manage(factory.value),
      this.manage(this.context.newNumber(nowMs)),
      this.manage(this.context.newString(seed)),
    );
    if ("error" in driver) return { failure: this.setupFailure(driver.error, "could not start") };
    const read = (key: string) => this.manage(this.context.getProp(driver.value, key));
    return {
      loadInput: read("loadInput"),
      callFilter: read("callFilter"),
      describeError: read("describeError"),
    };
  }

  // A module with top-level await evaluates to a promise; with no host I/O it
  // can only be waiting on jobs already queued in the sandbox.
  private settleModule(
    moduleValue: QuickJSHandle,
  ): { value: QuickJSHandle } | { error: QuickJSHandle } | { pending: true } {
    let state = this.context.getPromiseState(moduleValue);
    if (state.type === "fulfilled" && state.notAPromise) return { value: moduleValue };
    if (state.type === "pending") {
      const jobs = this.runtime.executePendingJobs();
      if (jobs.error) return { error: jobs.error };
      state = this.context.getPromiseState(moduleValue);
    }
    if (state.type === "pending") return { pending: true };
    if (state.type === "rejected") return { error: state.error };
    return { value: this.manage(state.value) };
  }

  private interpret(outcomeJson: string, durationMs: number): FilterRunResult {
    const outcome = filterOutcomeSchema.parse(JSON.parse(outcomeJson));
    if ("missing" in outcome) {
      const found = outcome.missing;
      const message =
        found.type === "undefined"
          ? "no filter found: write `export default function filter(input) { … }`"
          : `the default export must be the filter function, got ${describeSnapshot(found)}`;
      return this.toFailure("compilation", message, null, durationMs);
    }
    const decoded = decodeFilterReturn(outcome.returned);
    if (!decoded.ok) return this.toFailure("runtime", decoded.message, null, durationMs);
    const value = decoded.value;
    if (typeof value === "boolean") {
      return { ok: true, match: value, score: null, note: null, durationMs };
    }
    return {
      ok: true,
      match: value.match,
      score: value.score ?? null,
      note: value.note ?? null,
      durationMs,
    };
  }

  private failure(
    errorHandle: QuickJSHandle,
    errorType: FilterErrorType,
    started: number,
    inspect: (handle: QuickJSHandle) => DescribedError,
  ): FilterFailure {
    const durationMs = performance.now() - started;
    const wasInterrupted = this.clock.interrupted;
    const described = inspect(this.manage(errorHandle));
    // When even inspecting the error failed for lack of memory, the memory is the story.
    const exhausted = described === UNREADABLE_ERROR && isEngineMemoryExhausted(this.engine);
    const limit = wasInterrupted ? "timeout" : exhausted ? "memory" : engineLimitOf(described);
    const type = limit === "timeout" ? "timeout" : limit ? "panic" : errorType;
    const message = limit ? limitMessage(limit, this.job.limits) : errorMessageOf(described);
    return this.toFailure(type, message, described.stack ?? null, durationMs);
  }

  private inspect(driver: Driver, errorHandle: QuickJSHandle): DescribedError {
    this.runtime.setMemoryLimit(this.job.limits.memoryBytes + INSPECT_HEADROOM_BYTES);
    this.startClock(performance.now() + INSPECT_BUDGET_MS);
    const described = this.call(driver.describeError, errorHandle);
    this.startClock(Number.POSITIVE_INFINITY);
    if ("error" in described) return UNREADABLE_ERROR;
    const parsed = describedErrorSchema.safeParse(
      JSON.parse(this.context.getString(described.value)),
    );
    return parsed.success ? parsed.data : UNREADABLE_ERROR;
  }

  private dumpError(errorHandle: QuickJSHandle): DescribedError {
    const parsed = engineErrorSchema.safeParse(this.context.dump(errorHandle));
    return parsed.success
      ? { isError: true, ...parsed.data, thrown: { type: "object" } }
      : UNREADABLE_ERROR;
  }

  private setupFailure(errorHandle: QuickJSHandle, what: string): FilterFailure {
    const error: unknown = this.context.dump(this.manage(errorHandle));
    const detail = error instanceof Object && "message" in error ? error.message : error;
    return this.toFailure("panic", `the sandbox ${what}: ${String(detail)}`, null, 0);
  }

  private fail(
    errorType: FilterErrorType,
    message: string,
    stack: string | null,
    started: number,
  ): FilterFailure {
    return this.toFailure(errorType, message, stack, performance.now() - started);
  }

  private toFailure(
    errorType: FilterErrorType,
    message: string,
    stack: string | null,
    durationMs: number,
  ): FilterFailure {
    return toFilterFailure({
      errorType,
      message,
      stack,
      lineCount: this.job.source.lineCount,
      durationMs,
    });
  }

  private startClock(deadline: number) {
    this.clock.deadline = deadline;
    this.clock.interrupted = false;
  }

  private call(
    fn: QuickJSHandle,
    ...args: QuickJSHandle[]
  ): { value: QuickJSHandle } | { error: QuickJSHandle } {
    const result = this.context.callFunction(fn, this.context.undefined, ...args);
    if (result.error) return { error: result.error };
    return { value: this.manage(result.value) };
  }

  private manage(handle: QuickJSHandle): QuickJSHandle {
    return this.scope.manage(handle);
  }
}
