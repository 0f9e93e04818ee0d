import type Pusher from "pusher";
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { parseBody } from "@/lib/http/read-json-body";
import { userChannelName } from "@/lib/realtime/realtime-event";

// What pusher-js posts (form-encoded) when it subscribes to a private channel.
export const channelAuthRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "a Pusher socket id (digits.digits)"),
  channel_name: z.string().min(1).max(200),
});

export type ChannelAuthRequest = z.infer<typeof channelAuthRequestSchema>;

export function parseChannelAuthRequest(formBody: string): ChannelAuthRequest {
  return parseBody(channelAuthRequestSchema, Object.fromEntries(new URLSearchParams(formBody)));
}

// A signature lets that socket join the channel, so only the caller's own
// private-user-<id> is ever signed: anything else, another user's included, is 403.
export function authorizeUserChannel({
  pusher,
  userId,
  request,
}: {
  pusher: Pusher;
  userId: string;
  request: ChannelAuthRequest;
}): Pusher.ChannelAuthResponse {
  if (request.channel_name !== userChannelName(userId)) {
    throw new AppError("forbidden", "You can only subscribe to your own channel.");
  }
  return pusher.authorizeChannel(request.socket_id, request.channel_name);
}
