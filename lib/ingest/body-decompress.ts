import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { AppError } from "@/lib/http/app-error";
import type { ContentCoding } from "@/lib/ingest/body-content-headers";

// HTTP "deflate" means zlib-wrapped (RFC 9110), but some clients send raw deflate;
// a zlib header is recognisable (deflate method, checksum divisible by 31).
function hasZlibHeader(bytes: Uint8Array): boolean {
  const [cmf, flg] = bytes;
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function createDecompressor(coding: Exclude<ContentCoding, "identity">, input: Uint8Array) {
  if (coding === "gzip") return createGunzip();
  if (coding === "br") return createBrotliDecompress();
  return hasZlibHeader(input) ? createInflate() : createInflateRaw();
}

// Streams the output and stops at maxBytes: a few KB of gzip can expand to gigabytes,
// so the decompressed size needs its own cap (a one-shot gunzip would allocate it all).
export function decompressCapped(
  input: Uint8Array,
  coding: ContentCoding,
  maxBytes: number,
): Promise<Uint8Array> {
  if (coding === "identity") {
    if (input.byteLength > maxBytes) return Promise.reject(tooLarge(maxBytes));
    return Promise.resolve(input);
  }
  return new Promise((resolve, reject) => {
    const stream: Transform = createDecompressor(coding, input);
    const chunks: Buffer[] = [];
    let totalBytes = 0;
    let isSettled = false;
    const fail = (error: AppError) => {
      if (isSettled) return;
      isSettled = true;
      stream.destroy();
      reject(error);
    };
    stream.on("data", (chunk: Buffer) => {
      totalBytes += chunk.byteLength;
      if (totalBytes > maxBytes) fail(tooLarge(maxBytes));
      else chunks.push(chunk);
    });
    stream.on("error", (error: Error) => {
      fail(new AppError("bad_request", `The ${coding} body is corrupt: ${error.message}`));
    });
    stream.on("end", () => {
      if (isSettled) return;
      isSettled = true;
      resolve(new Uint8Array(Buffer.concat(chunks, totalBytes)));
    });
    stream.end(input);
  });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The decompressed request body exceeds the limit of ${maxBytes} bytes.`,
  );
}
