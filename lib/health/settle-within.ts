export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class HealthCheckTimeoutError extends Error {
  constructor(ms: number) {
    super(`No answer within ${ms} ms.`);
    this.name = "HealthCheckTimeoutError";
  }
}

// A health check must answer even when a dependency hangs: whatever has not settled
// after `ms` counts as failed (the work itself is left to finish or time out on its own).
export async function settleWithin<T>(run: () => Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new HealthCheckTimeoutError(ms) }), ms);
  });
  const attempt = (async (): Promise<Settled<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, error };
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
