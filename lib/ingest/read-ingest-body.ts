import {
  assertContentLengthWithin,
  assertJsonContentType,
  readContentCoding,
} from "@/lib/ingest/body-content-headers";
import { decodeUtf8Strict } from "@/lib/ingest/body-decode-utf8";
import { decompressCapped } from "@/lib/ingest/body-decompress";
import { readCappedBytes } from "@/lib/ingest/body-read-capped";
import { MAX_JSON_DEPTH, parseLenientJson } from "@/lib/ingest/json-parse-lenient";

export type ReadIngestBodyOptions = {
  /** Limit on the bytes on the wire (before Content-Encoding is undone). */
  maxCompressedBytes: number;
  /** Limit on the bytes after decompression: the zip-bomb guard. */
  maxDecompressedBytes: number;
  maxDepth?: number;
};

// The ingest endpoint's body reader. Executors run user code and may be buggy or
// hostile, so every failure here is a typed 4xx AppError (413 / 415 / 400), never a
// 500, a hang or an unbounded allocation. Headers are checked before any byte is read.
export async function readIngestBody(
  request: Request,
  options: ReadIngestBodyOptions,
): Promise<unknown> {
  assertJsonContentType(request.headers);
  const coding = readContentCoding(request.headers);
  assertContentLengthWithin(request.headers, options.maxCompressedBytes);
  const wireBytes = await readCappedBytes(request.body, options.maxCompressedBytes);
  const bytes = await decompressCapped(wireBytes, coding, options.maxDecompressedBytes);
  const text = decodeUtf8Strict(bytes);
  return parseLenientJson(text, { maxDepth: options.maxDepth ?? MAX_JSON_DEPTH });
}
