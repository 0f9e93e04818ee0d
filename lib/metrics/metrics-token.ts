import { env } from "@/lib/env";

export function getMetricsToken(): string | undefined {
  return env.METRICS_TOKEN;
}
