// Runs INSIDE the sandbox, before the user's code: sandbox-source.ts evaluates
// this function's source text in each fresh QuickJS context, so it must stay
// self-contained (no imports, nothing from outside its body). It makes the
// realm deterministic, installs `ta` and a silent `console`, and returns the
// driver the host calls. The driver captures the intrinsics it needs now,
// so user code that later replaces JSON or Object only breaks itself.
export function installSandbox(
  createIndicators: () => object,
  declaredFilterGlobal: string,
  nowMs: number,
  seed: string,
) {
  const RealDate = Date;
  const dateProto = RealDate.prototype;
  const parseJson = JSON.parse;
  const stringify = JSON.stringify;
  const isArray = Array.isArray;
  const isFiniteNumber = Number.isFinite;
  const getOwnDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const construct = Reflect.construct;
  const objectCreate = Object.create;
  const createRecord = (): Record<string, unknown> => objectCreate(null);
  const toText = String;
  const imul = Math.imul;
  const errorProto = Error.prototype;
  const realGlobal = globalThis;

  const define = (target: object, key: string, value: unknown) =>
    defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });

  // Math.random: mulberry32 seeded from the run's symbol, interval and time.
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = imul(state ^ seed.charCodeAt(i), 0x01000193);
  define(Math, "random", function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = imul(state ^ (state >>> 15), 1 | state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });

  // Time stands still at `nowMs`, and local time is UTC whatever the host's zone.
  const localIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
  const asUtcText = (value: unknown) => {
    const text = String(value);
    return localIso.test(text) ? `${text}Z` : text;
  };
  const fixedDate = function (...args: unknown[]) {
    const time =
      args.length === 0
        ? nowMs
        : args.length === 1
          ? typeof args[0] === "string"
            ? RealDate.parse(asUtcText(args[0]))
            : new RealDate(args[0] as number).getTime()
          : RealDate.UTC(...(args as [number, number]));
    if (!new.target) return new RealDate(nowMs).toString();
    return construct(RealDate, [time], new.target);
  };
  fixedDate.prototype = dateProto;
  defineProperty(fixedDate, "name", { value: "Date", configurable: true });
  define(fixedDate, "now", () => nowMs);
  define(fixedDate, "parse", (text: unknown) => RealDate.parse(asUtcText(text)));
  define(fixedDate, "UTC", RealDate.UTC);
  define(dateProto, "constructor", fixedDate);
  define(globalThis, "Date", fixedDate);
  const units = ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"];
  const protoMethods = dateProto as unknown as Record<string, unknown>;
  for (const unit of units) {
    define(dateProto, `get${unit}`, protoMethods[`getUTC${unit}`]);
    if (unit !== "Day") define(dateProto, `set${unit}`, protoMethods[`setUTC${unit}`]);
  }
  define(dateProto, "getTimezoneOffset", () => 0);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  function dateText(this: Date) {
    if (Number.isNaN(this.getTime())) return "Invalid Date";
    return `${days[this.getUTCDay()]} ${months[this.getUTCMonth()]} ${pad(this.getUTCDate())} ${pad(this.getUTCFullYear(), 4)}`;
  }
  function timeText(this: Date) {
    if (Number.isNaN(this.getTime())) return "Invalid Date";
    return `${pad(this.getUTCHours())}:${pad(this.getUTCMinutes())}:${pad(this.getUTCSeconds())} GMT+0000`;
  }
  function fullText(this: Date) {
    if (Number.isNaN(this.getTime())) return "Invalid Date";
    return `${dateText.call(this)} ${timeText.call(this)}`;
  }
  for (const [name, method] of [
    ["toString", fullText],
    ["toDateString", dateText],
    ["toTimeString", timeText],
    ["toLocaleString", fullText],
    ["toLocaleDateString", dateText],
    ["toLocaleTimeString", timeText],
  ] as const) {
    define(dateProto, name, method);
  }

  const silent = () => undefined;
  define(
    globalThis,
    "console",
    freeze({ log: silent, info: silent, warn: silent, error: silent, debug: silent }),
  );
  const ta = freeze(createIndicators());
  define(globalThis, "ta", ta);

  // Only data properties are read, so a getter on a thrown object runs no code here.
  function readData(target: unknown, key: string): unknown {
    let current = target;
    for (let depth = 0; depth < 64 && typeof current === "object" && current !== null; depth++) {
      const descriptor = getOwnDescriptor(current, key);
      if (descriptor) return "value" in descriptor ? descriptor.value : undefined;
      current = getPrototypeOf(current);
    }
    return undefined;
  }

  function isError(value: unknown): boolean {
    let current = typeof value === "object" && value !== null ? getPrototypeOf(value) : null;
    for (let depth = 0; depth < 64 && current !== null; depth++) {
      if (current === errorProto) return true;
      current = getPrototypeOf(current);
    }
    return false;
  }

  function snapshotValue(value: unknown): Record<string, unknown> {
    const result = createRecord();
    if (value === null) result.type = "null";
    else if (isArray(value)) result.type = "array";
    else result.type = typeof value;
    if (typeof value === "boolean" || typeof value === "string") result.value = value;
    if (typeof value === "number") {
      if (isFiniteNumber(value)) result.value = value;
      else result.text = toText(value);
    }
    if (typeof value === "bigint") result.text = `${toText(value)}n`;
    if (result.type === "object" && typeof readData(value, "then") === "function") {
      result.type = "promise";
    }
    return result;
  }

  function snapshotReturn(value: unknown): Record<string, unknown> {
    const result = snapshotValue(value);
    if (result.type === "object") {
      const fields = value as { match?: unknown; score?: unknown; note?: unknown };
      const snapshot = createRecord();
      snapshot.match = snapshotValue(fields.match);
      snapshot.score = snapshotValue(fields.score);
      snapshot.note = snapshotValue(fields.note);
      result.fields = snapshot;
    }
    return result;
  }

  function pickFilter(exports: Record<string, unknown>): unknown {
    if ("default" in exports) return exports.default;
    return (realGlobal as Record<string, unknown>)[declaredFilterGlobal];
  }

  return freeze({
    // Candles arrive as one Float64Array (7 numbers each, in field order):
    // several times faster to load than the same candles as JSON.
    loadInput(metaJson: string, packedCandles: ArrayBuffer) {
      const input = parseJson(metaJson);
      const numbers = new Float64Array(packedCandles);
      const candles = new Array(numbers.length / 7);
      for (let i = 0, k = 0; i < candles.length; i++, k += 7) {
        candles[i] = {
          openTime: numbers[k],
          open: numbers[k + 1],
          high: numbers[k + 2],
          low: numbers[k + 3],
          close: numbers[k + 4],
          volume: numbers[k + 5],
          closeTime: numbers[k + 6],
        };
      }
      input.candles = candles;
      return input;
    },
    callFilter(exports: Record<string, unknown>, input: unknown): string {
      const filter = pickFilter(exports);
      const outcome = createRecord();
      if (typeof filter === "function") outcome.returned = snapshotReturn(filter(input, ta));
      else outcome.missing = snapshotValue(filter);
      return stringify(outcome);
    },
    describeError(error: unknown): string {
      const result = createRecord();
      result.isError = isError(error);
      const name = readData(error, "name");
      const message = readData(error, "message");
      const stack = readData(error, "stack");
      if (typeof name === "string") result.name = name;
      if (typeof message === "string") result.message = message;
      if (typeof stack === "string") result.stack = stack;
      result.thrown = snapshotValue(error);
      return stringify(result);
    },
  });
}
