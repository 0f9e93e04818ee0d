// GET /api/executor/traders/:id/code – the trader's active code and state, for its executor
import { isEtagMatching } from "@/lib/deploy/executor-etag";
import { getExecutorTraderCode } from "@/lib/deploy/get-executor-trader-code";
import { withApiKey } from "@/lib/http/route-wrappers";

export const GET = withApiKey<{ id: string }>(async (request, { principal, params }) => {
  const code = await getExecutorTraderCode({
    userId: principal.userId,
    keyTraderId: principal.traderId,
    traderId: params.id,
  });
  // Executors poll: revalidate every time, answer 304 while the version and state hold.
  const headers = { etag: code.etag, "cache-control": "private, no-cache" };
  if (isEtagMatching(request.headers.get("if-none-match"), code.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return Response.json(code.body, { headers });
});
