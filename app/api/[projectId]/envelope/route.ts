// POST /api/<projectId>/envelope/ – a Sentry SDK reports events for a trader's DSN
import { getDb } from "@/lib/db";
import { withPublic } from "@/lib/http/route-wrappers";
import { publishIngestResults } from "@/lib/realtime/publish-ingest-results";
import { scheduleAfterResponse } from "@/lib/realtime/schedule-after-response";
import { authenticateDsn } from "@/lib/sentry/authenticate-dsn";
import { ingestSentryEnvelope } from "@/lib/sentry/ingest-sentry-envelope";
import { readEnvelopeBody } from "@/lib/sentry/read-envelope-body";
import { readSentryKey } from "@/lib/sentry/read-sentry-key";

// Public at the wrapper level: the DSN key is the credential, checked before the body
// is read so unauthenticated callers cannot make us decompress anything.
export const POST = withPublic<{ projectId: string }>(async (request, { params }) => {
  const trader = await authenticateDsn(getDb(), {
    projectId: params.projectId,
    publicKey: readSentryKey(request),
  });
  const body = await readEnvelopeBody(request);
  const result = await ingestSentryEnvelope({ trader, body });
  scheduleAfterResponse(() => publishIngestResults(trader.userId, result.results));
  // Sentry answers `{"id": "<event id>"}`; SDKs only look at the status code.
  return Response.json(result.id ? { id: result.id } : {});
});
