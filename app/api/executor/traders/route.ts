// GET /api/executor/traders – the traders this API key may run, with the ETag of each one's code
import { isEtagMatching } from "@/lib/deploy/executor-etag";
import { listExecutorTraders } from "@/lib/deploy/list-executor-traders";
import { withApiKey } from "@/lib/http/route-wrappers";

export const GET = withApiKey(async (request, { principal }) => {
  const list = await listExecutorTraders({
    userId: principal.userId,
    keyTraderId: principal.traderId,
  });
  // Executors poll: revalidate every time, answer 304 while nothing changed.
  const headers = { etag: list.etag, "cache-control": "private, no-cache" };
  if (isEtagMatching(request.headers.get("if-none-match"), list.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json(list.body, { headers });
});
