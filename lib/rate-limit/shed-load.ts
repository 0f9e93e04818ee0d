import { AppError } from "@/lib/http/app-error";

export type LoadShedder = { run<T>(work: () => Promise<T>): Promise<T>; readonly inFlight: number };

// Past capacity, answering 429 at once is kinder to executors (they back off per
// Retry-After) than queueing requests until they time out.
export function createLoadShedder(maxInFlight: number): LoadShedder {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async run(work) {
      if (inFlight >= maxInFlight) {
        throw new AppError("rate_limited", "Faultline is at capacity: retry shortly.", undefined, {
          retryAfterSeconds: 1,
        });
      }
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
      }
    },
  };
}
