import { env } from "@/lib/env";
import { createKeyedSlots, type KeyedSlots } from "@/lib/rate-limit/keyed-slots";

const globalForPreviews = globalThis as unknown as { faultlinePreviewSlots?: KeyedSlots };

// A preview is CPU-bound sandbox work streamed after the response starts: bounded per
// user and per process so one user's clicks cannot starve ingestion.
export function getPreviewSlots(): KeyedSlots {
  globalForPreviews.faultlinePreviewSlots ??= createKeyedSlots({
    maxPerKey: env.PREVIEW_MAX_PER_USER,
    maxTotal: env.PREVIEW_MAX_IN_FLIGHT,
    retryAfterSeconds: 5,
    messages: {
      perKey: "Your other previews are still running: wait for one to finish, then run this one.",
      total: "Faultline is running too many previews right now: retry in a few seconds.",
    },
  });
  return globalForPreviews.faultlinePreviewSlots;
}
