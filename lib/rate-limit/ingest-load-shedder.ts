import { env } from "@/lib/env";
import { createLoadShedder, type LoadShedder } from "@/lib/rate-limit/shed-load";

const globalForShedder = globalThis as unknown as { faultlineIngestShedder?: LoadShedder };

export function getIngestLoadShedder(): LoadShedder {
  globalForShedder.faultlineIngestShedder ??= createLoadShedder(env.INGEST_MAX_IN_FLIGHT);
  return globalForShedder.faultlineIngestShedder;
}
