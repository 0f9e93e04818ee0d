import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSWASMModule,
  RELEASE_SYNC,
} from "quickjs-emscripten";

export type FilterEngine = {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  maxMemoryBytes: number;
};

const WASM_PAGE_BYTES = 64 * 1024;
// Emscripten's initial memory: static data, the C stack and the first heap.
const BASE_MEMORY_BYTES = 16 * 1024 * 1024;
const MAX_CACHED_ENGINES = 4;

const engines = new Map<number, Promise<FilterEngine>>();

// QuickJS under Emscripten cannot measure its allocations (it counts 8 bytes
// for each, see quickjs-emscripten#271), so setMemoryLimit only refuses single
// allocations above the limit and memory piled up in many smaller ones would
// grow the WebAssembly memory up to 2 GiB. The real cap is the memory we hand
// the instance: limit + base, beyond which malloc fails and the guest gets its
// "out of memory". Runs are sequential, so one instance per limit suffices.
// It is our own instance, not the library's shared singleton, so one that
// failed can be thrown away without touching anybody else's.
function createEngine(memoryBytes: number): Promise<FilterEngine> {
  const maxMemoryBytes =
    Math.ceil((memoryBytes + BASE_MEMORY_BYTES) / WASM_PAGE_BYTES) * WASM_PAGE_BYTES;
  const memory = new WebAssembly.Memory({
    initial: BASE_MEMORY_BYTES / WASM_PAGE_BYTES,
    maximum: maxMemoryBytes / WASM_PAGE_BYTES,
  });
  return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory: memory })).then(
    (module) => ({ module, memory, maxMemoryBytes }),
  );
}

function getFilterEngine(memoryBytes: number): Promise<FilterEngine> {
  const cached = engines.get(memoryBytes);
  if (cached) return cached;
  if (engines.size >= MAX_CACHED_ENGINES) {
    const oldest = engines.keys().next();
    if (!oldest.done) engines.delete(oldest.value);
  }
  const created = createEngine(memoryBytes).catch((error: unknown) => {
    engines.delete(memoryBytes);
    throw error;
  });
  engines.set(memoryBytes, created);
  return created;
}

// `work` runs synchronously right after an await, i.e. at the bottom of a
// fresh microtask, which leaves the guest the most host stack. If it throws,
// the instance trapped or the host's own stack overflowed inside it: its
// memory and stack pointer can no longer be trusted, so it is dropped (not
// disposed, which would call into it again) and the next run starts a new one.
export async function withFilterEngine<T>(
  memoryBytes: number,
  work: (engine: FilterEngine) => T,
  onHostFailure: (error: unknown) => T,
): Promise<T> {
  const pending = getFilterEngine(memoryBytes);
  const engine = await pending;
  try {
    return work(engine);
  } catch (error) {
    if (engines.get(memoryBytes) === pending) engines.delete(memoryBytes);
    return onHostFailure(error);
  }
}

// Emscripten grows the memory by at least what malloc asked for, so a failed
// request can leave a little unused room below the cap.
const EXHAUSTED_MARGIN_BYTES = 2 * 1024 * 1024;

export function isEngineMemoryExhausted(engine: FilterEngine): boolean {
  return engine.maxMemoryBytes - engine.memory.buffer.byteLength < EXHAUSTED_MARGIN_BYTES;
}
