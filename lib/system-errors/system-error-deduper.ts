// A failing dependency inside a hot loop (a broken Pusher on every ingest, a dead SMTP
// relay for every queued email) would otherwise write thousands of identical rows a
// minute and bury everything else. The first occurrence of a (component, type, message)
// key is stored as usual; repeats within `windowMs` only bump an in-memory counter, which
// is copied into that row's context as `occurrences` (with `last_occurred_at`) when the
// count reaches a power of two or `flushEveryMs` after the last copy: a handful of
// updates per key per window, never one per occurrence. After the window the next
// occurrence starts a new row. The memory is per process (each serverless instance
// dedupes on its own), bounded by `maxKeys`; the stored count is therefore a lower bound.

export type DedupeOptions = {
  windowMs?: number;
  flushEveryMs?: number;
  maxKeys?: number;
  now?: () => number;
};

export type RepeatFlush = { rowId: string; occurrences: number; lastOccurredAt: Date };

export type DedupeDecision =
  | { kind: "first" }
  // flush: copy this count into the stored row now (null: nothing to write this time).
  | { kind: "repeat"; occurrences: number; flush: RepeatFlush | null };

type Entry = {
  windowStart: number;
  occurrences: number;
  lastFlushAt: number;
  rowId: string | null;
};

function isPowerOfTwo(value: number): boolean {
  return value > 0 && (value & (value - 1)) === 0;
}

export type SystemErrorDeduper = {
  check(key: string): DedupeDecision;
  /** The row the first occurrence was stored as (null when storing it failed). */
  remember(key: string, rowId: string | null): void;
};

export function createSystemErrorDeduper({
  windowMs = 60_000,
  flushEveryMs = 10_000,
  maxKeys = 500,
  now = Date.now,
}: DedupeOptions = {}): SystemErrorDeduper {
  const entries = new Map<string, Entry>();

  const makeRoom = (at: number) => {
    if (entries.size < maxKeys) return;
    for (const [key, entry] of entries) {
      if (at - entry.windowStart >= windowMs) entries.delete(key);
    }
    // Still full of live keys: forget the oldest (Map keeps insertion order).
    const oldest = entries.keys().next();
    if (entries.size >= maxKeys && !oldest.done) entries.delete(oldest.value);
  };

  return {
    check(key) {
      const at = now();
      const entry = entries.get(key);
      if (!entry || at - entry.windowStart >= windowMs) {
        entries.delete(key);
        makeRoom(at);
        entries.set(key, { windowStart: at, occurrences: 1, lastFlushAt: at, rowId: null });
        return { kind: "first" };
      }
      entry.occurrences += 1;
      const isDue = isPowerOfTwo(entry.occurrences) || at - entry.lastFlushAt >= flushEveryMs;
      if (!isDue || entry.rowId === null) {
        return { kind: "repeat", occurrences: entry.occurrences, flush: null };
      }
      entry.lastFlushAt = at;
      return {
        kind: "repeat",
        occurrences: entry.occurrences,
        flush: { rowId: entry.rowId, occurrences: entry.occurrences, lastOccurredAt: new Date(at) },
      };
    },
    remember(key, rowId) {
      const entry = entries.get(key);
      if (entry) entry.rowId = rowId;
    },
  };
}
