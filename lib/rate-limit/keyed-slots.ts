import { AppError } from "@/lib/http/app-error";

export type KeyedSlots = {
  /** Takes a slot for `key` or throws a 429 AppError; call the returned function once the work ends. */
  acquire(key: string): () => void;
  readonly inFlight: number;
};

type KeyedSlotsOptions = {
  maxPerKey: number;
  maxTotal: number;
  retryAfterSeconds: number;
  messages: { perKey: string; total: string };
};

// Bounds expensive work that outlives the request handler (a streamed sandbox run),
// where a try/finally around the handler would release the slot too early.
export function createKeyedSlots({
  maxPerKey,
  maxTotal,
  retryAfterSeconds,
  messages,
}: KeyedSlotsOptions): KeyedSlots {
  const byKey = new Map<string, number>();
  let inFlight = 0;
  const refuse = (message: string) =>
    new AppError("rate_limited", message, undefined, { retryAfterSeconds });

  return {
    get inFlight() {
      return inFlight;
    },
    acquire(key) {
      const held = byKey.get(key) ?? 0;
      if (held >= maxPerKey) throw refuse(messages.perKey);
      if (inFlight >= maxTotal) throw refuse(messages.total);
      byKey.set(key, held + 1);
      inFlight += 1;
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        inFlight -= 1;
        const remaining = (byKey.get(key) ?? 1) - 1;
        if (remaining > 0) byKey.set(key, remaining);
        else byKey.delete(key);
      };
    },
  };
}
