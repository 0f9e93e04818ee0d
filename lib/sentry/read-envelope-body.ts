import { env } from "@/lib/env";
import { assertContentLengthWithin, readContentCoding } from "@/lib/ingest/body-content-headers";
import { decompressCapped } from "@/lib/ingest/body-decompress";
import { readCappedBytes } from "@/lib/ingest/body-read-capped";

export type EnvelopeBodyLimits = { maxBodyBytes: number; maxDecompressedBytes: number };

// The raw envelope bytes with Content-Encoding undone (the Node SDK gzips bodies over
// 32 KiB; other SDKs and proxies use deflate or brotli). Envelopes are not JSON, so
// this shares the ingest body reader's parts but not its JSON parsing. Oversized
// bodies answer 413, unknown encodings 415, corrupt ones 400.
export async function readEnvelopeBody(
  request: Request,
  limits: EnvelopeBodyLimits = {
    maxBodyBytes: env.INGEST_MAX_BODY_BYTES,
    maxDecompressedBytes: env.INGEST_MAX_DECOMPRESSED_BYTES,
  },
): Promise<Buffer> {
  const coding = readContentCoding(request.headers);
  assertContentLengthWithin(request.headers, limits.maxBodyBytes);
  const wireBytes = await readCappedBytes(request.body, limits.maxBodyBytes);
  const bytes = await decompressCapped(wireBytes, coding, limits.maxDecompressedBytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
