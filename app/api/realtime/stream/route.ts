// GET /api/realtime/stream – the signed-in user's live events as Server-Sent Events
import { AppError } from "@/lib/http/app-error";
import { withSession } from "@/lib/http/route-wrappers";
import { getRealtimeDriver } from "@/lib/realtime/get-realtime-driver";
import { openRealtimeStream } from "@/lib/realtime/open-realtime-stream";

export const dynamic = "force-dynamic";

export const GET = withSession(async (request, { principal }) => {
  const driver = getRealtimeDriver();
  // With Pusher configured, browsers connect to Pusher and nothing is published here.
  if (driver.kind !== "postgres") {
    throw new AppError("not_found", "Live updates are delivered through Pusher.");
  }
  return openRealtimeStream({
    signal: request.signal,
    subscribe: (subscriber) => driver.subscribe(principal.id, subscriber),
  });
});
