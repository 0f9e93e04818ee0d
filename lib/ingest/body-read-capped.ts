import { AppError } from "@/lib/http/app-error";

function concatChunks(chunks: Uint8Array[], totalBytes: number): Uint8Array {
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// Reads the stream chunk by chunk and stops at the limit, so a client that lies about
// (or omits) Content-Length cannot make us buffer more than maxBytes.
export async function readCappedBytes(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : "stream error";
      throw new AppError("bad_request", `The request body could not be read: ${reason}`);
    }
    if (result.done) break;
    // Only a hand-built stream can yield non-bytes; counting them would break the cap.
    if (!(result.value instanceof Uint8Array)) {
      throw new AppError("bad_request", "The request body stream yielded non-byte chunks.");
    }
    totalBytes += result.value.byteLength;
    if (totalBytes > maxBytes) {
      // Tell the source to stop sending; its outcome does not change our answer.
      reader.cancel().catch(() => undefined);
      throw new AppError(
        "payload_too_large",
        `The request body exceeds the limit of ${maxBytes} bytes.`,
      );
    }
    chunks.push(result.value);
  }
  return concatChunks(chunks, totalBytes);
}
