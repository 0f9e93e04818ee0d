// POST /api/realtime/pusher-auth – sign pusher-js's subscription to the caller's own channel
import { AppError } from "@/lib/http/app-error";
import { withSession } from "@/lib/http/route-wrappers";
import {
  authorizeUserChannel,
  parseChannelAuthRequest,
} from "@/lib/realtime/authorize-user-channel";
import { getPusherServer } from "@/lib/realtime/get-pusher-server";

export const POST = withSession(async (request, { principal }) => {
  const pusher = getPusherServer();
  if (!pusher) throw new AppError("not_found", "Pusher is not configured.");
  const channelRequest = parseChannelAuthRequest(await request.text());
  return Response.json(
    authorizeUserChannel({ pusher, userId: principal.id, request: channelRequest }),
  );
});
