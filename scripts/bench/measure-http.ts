import autocannon from "autocannon";

export type HttpFigures = {
  name: string;
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statusCounts: Record<string, number>;
};

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

// autocannon reports p97.5 but not p95, so latencies are collected per response.
export async function measureHttp(options: {
  name: string;
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  eventsPerRequest: number;
  body: () => string;
}): Promise<HttpFigures> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      method: "POST",
      headers: options.headers,
      connections: options.connections,
      duration: options.seconds,
      // A fresh body per request: unique event ids, so nothing is answered as a replay.
      requests: [
        { method: "POST", setupRequest: (request) => ({ ...request, body: options.body() }) },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const ok = (statusCounts["200"] ?? 0) + (statusCounts["201"] ?? 0);
  return {
    name: options.name,
    requestsPerSecond: latencies.length / result.duration,
    eventsPerSecond: (ok * options.eventsPerRequest) / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    statusCounts,
  };
}
