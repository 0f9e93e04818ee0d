import { after } from "next/server";

// next/server's after() runs a task once the response is sent, but only inside a Next
// request scope. Route handlers invoked directly (integration tests, scripts) have
// none; there the task starts right away without being awaited, so the response
// still does not wait for it.
export function scheduleAfterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch (error) {
    if (!isOutsideRequestScope(error)) throw error;
    task().catch((taskError: unknown) => console.error("[after] task failed", taskError));
  }
}

function isOutsideRequestScope(error: unknown): boolean {
  return error instanceof Error && error.message.includes("outside a request scope");
}
