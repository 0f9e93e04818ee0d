import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { type ReadIngestBodyOptions, readIngestBody } from "@/lib/ingest/read-ingest-body";

// Property runs are CPU-bound; leave room on a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

const limits: ReadIngestBodyOptions = {
  maxCompressedBytes: 64 * 1024,
  maxDecompressedBytes: 256 * 1024,
};

const encode = (text: string) => new TextEncoder().encode(text);

function postRequest(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  // duplex is required by undici for stream bodies; lib.dom's RequestInit lacks it.
  const init: RequestInit & { duplex: "half" } = { method: "POST", body, headers, duplex: "half" };
  return new Request("http://localhost/api/errors", init);
}

async function readError(request: Request, options = limits): Promise<AppError> {
  try {
    await readIngestBody(request, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected readIngestBody to reject");
}

// An endless body that counts how often it was pulled, to prove reading stops early.
function endlessStream(chunkBytes: number) {
  const state = { pulls: 0, isCancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      state.isCancelled = true;
    },
  });
  return { stream, state };
}

describe("readIngestBody: content type", () => {
  it.each([
    [undefined],
    ["application/json"],
    ["application/json; charset=utf-8"],
    ['Application/JSON;charset="UTF-8"'],
    ["application/json; charset=utf8"],
    ["application/vnd.faultline.event+json"],
  ])("accepts %s", async (contentType) => {
    const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
    await expect(readIngestBody(postRequest(encode('{"a":1}'), headers), limits)).resolves.toEqual({
      a: 1,
    });
  });

  it.each([
    ["text/plain"],
    ["application/x-www-form-urlencoded"],
    ["multipart/form-data; boundary=x"],
    ["application/json-seq"],
    ["application/jsonp"],
    ["application/json; charset=utf-16"],
    ["application/json; charset=iso-8859-1"],
  ])("rejects %s with 415", async (contentType) => {
    const error = await readError(postRequest(encode("{}"), { "content-type": contentType }));
    expect(error).toMatchObject({ code: "unsupported_media_type", status: 415 });
  });
});

describe("readIngestBody: content encoding", () => {
  const json = '{"error_message":"RSI is NaN","values":[NaN,1]}';
  const expected = { error_message: "RSI is NaN", values: [null, 1] };

  it.each([
    ["gzip", gzipSync(json)],
    ["x-gzip", gzipSync(json)],
    ["GZIP", gzipSync(json)],
    ["deflate", deflateSync(json)],
    ["deflate", deflateRawSync(json)],
    ["br", brotliCompressSync(json)],
    ["identity", Buffer.from(json)],
    ["gzip, identity", gzipSync(json)],
  ])("decodes %s", async (coding, body) => {
    const request = postRequest(new Uint8Array(body), { "content-encoding": coding });
    await expect(readIngestBody(request, limits)).resolves.toEqual(expected);
  });

  it.each([["compress"], ["zstd"], ["gzip, br"], ["gzip;q=1"]])(
    "rejects %s with 415",
    async (coding) => {
      const error = await readError(postRequest(encode("{}"), { "content-encoding": coding }));
      expect(error).toMatchObject({ code: "unsupported_media_type", status: 415 });
    },
  );

  it.each([
    ["gzip", gzipSync('{"a":1}').subarray(0, 12)],
    ["gzip", Buffer.from("not gzip at all")],
    ["br", Buffer.from([0xff, 0xff, 0xff, 0xff])],
    ["deflate", Buffer.from([0x78, 0x9c, 0xff, 0xff])],
  ])("answers 400 naming a corrupt %s body", async (coding, body) => {
    const error = await readError(
      postRequest(new Uint8Array(body), { "content-encoding": coding }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(`The ${coding} body is corrupt`);
  });
});

describe("readIngestBody: size limits", () => {
  it("refuses a too-large Content-Length before reading the body", async () => {
    const request = postRequest(encode("{}"), { "content-length": String(10 * 1024 * 1024) });
    const error = await readError(request);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading an endless body just past the limit and cancels it", async () => {
    const { stream, state } = endlessStream(1024);
    const error = await readError(postRequest(stream));
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    // 64 KiB limit / 1 KiB chunks: a few extra pulls for the stream's high-water mark.
    expect(state.pulls).toBeLessThan(70);
    expect(state.isCancelled).toBe(true);
  });

  it("accepts a body exactly at the limit", async () => {
    const text = `"${"x".repeat(limits.maxCompressedBytes - 2)}"`;
    await expect(readIngestBody(postRequest(encode(text)), limits)).resolves.toHaveLength(
      limits.maxCompressedBytes - 2,
    );
  });

  it.each([
    ["gzip", gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20))],
    ["deflate", deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20))],
    ["br", brotliCompressSync(Buffer.alloc(50 * 1024 * 1024, 0x20))],
  ])("answers 413 to a %s bomb", async (coding, bomb) => {
    expect(bomb.byteLength).toBeLessThan(limits.maxCompressedBytes);
    const error = await readError(
      postRequest(new Uint8Array(bomb), { "content-encoding": coding }),
    );
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(error.message).toContain("decompressed");
  });

  it("caps identity bodies by the decompressed limit too", async () => {
    const error = await readError(postRequest(encode('"abcdef"')), {
      maxCompressedBytes: 100,
      maxDecompressedBytes: 4,
    });
    expect(error.code).toBe("payload_too_large");
  });
});

describe("readIngestBody: text and JSON", () => {
  it("strips a UTF-8 BOM, also inside a gzip body", async () => {
    const bom = '\ufeff{"a":"é"}';
    await expect(readIngestBody(postRequest(encode(bom)), limits)).resolves.toEqual({ a: "é" });
    const gzipped = new Uint8Array(gzipSync(bom));
    await expect(
      readIngestBody(postRequest(gzipped, { "content-encoding": "gzip" }), limits),
    ).resolves.toEqual({ a: "é" });
  });

  it("answers 400 to bad UTF-8", async () => {
    const error = await readError(postRequest(new Uint8Array([0x22, 0xc3, 0x28, 0x22])));
    expect(error).toMatchObject({ code: "invalid_json", status: 400 });
    expect(error.message).toContain("not valid UTF-8");
  });

  it("answers 400 to an empty body, naming it", async () => {
    const error = await readError(postRequest(null));
    expect(error).toMatchObject({ code: "invalid_json", message: "The request body is empty." });
  });

  it("answers 400 to a stream that fails mid-body", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encode('{"a":'));
        controller.error(new Error("socket hang up"));
      },
    });
    const error = await readError(postRequest(stream));
    expect(error).toMatchObject({ code: "bad_request" });
    expect(error.message).toContain("socket hang up");
  });

  it("answers 400 to a hand-built stream of non-byte chunks instead of miscounting", async () => {
    const stream = new ReadableStream<unknown>({
      start(controller) {
        controller.enqueue("{}");
        controller.close();
      },
    });
    // Undici passes such chunks through untouched; the route must not count them as 0 bytes.
    const request = postRequest(stream as ReadableStream<Uint8Array>);
    await expect(readIngestBody(request, limits)).rejects.toMatchObject({ code: "bad_request" });
  });

  it("answers 400 to nesting deeper than the limit", async () => {
    const error = await readError(
      postRequest(encode(`${"[".repeat(10_000)}${"]".repeat(10_000)}`)),
    );
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
  });
});

const isClientError = (error: unknown) =>
  error instanceof AppError && error.status >= 400 && error.status < 500;

async function expectValueOrClientError(request: Request, options = limits): Promise<void> {
  try {
    await readIngestBody(request, options);
  } catch (error) {
    if (!isClientError(error)) throw error;
  }
}

describe("readIngestBody: properties", () => {
  const headersArbitrary = fc.record({
    "content-type": fc.constantFrom("application/json", "application/x+json", "text/plain", ""),
    "content-encoding": fc.constantFrom("", "gzip", "deflate", "br", "identity", "zstd"),
  });

  it(
    "returns or throws a 4xx AppError for arbitrary bytes, promptly",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), headersArbitrary, (body, headers) =>
          expectValueOrClientError(postRequest(body, headers), {
            maxCompressedBytes: 1024,
            maxDecompressedBytes: 4096,
          }),
        ),
        { numRuns: 500, timeout: 2000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "returns or throws a 4xx AppError for damaged compressed JSON",
    async () => {
      const coding = fc.constantFrom("gzip", "deflate", "br");
      const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
      await fc.assert(
        fc.asyncProperty(
          fc.json(),
          coding,
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
          fc.nat(),
          async (json, name, edits, cut) => {
            const bytes = new Uint8Array(compress[name](json));
            for (const [position, value] of edits) bytes[position % bytes.byteLength] = value;
            const body = bytes.subarray(
              0,
              edits.length === 0 ? bytes.byteLength : cut % (bytes.byteLength + 1),
            );
            await expectValueOrClientError(postRequest(body, { "content-encoding": name }));
          },
        ),
        { numRuns: 300, timeout: 2000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "round-trips any JSON value through gzip",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 8 }), async (value) => {
          const text = JSON.stringify(value);
          const body = new Uint8Array(gzipSync(text));
          const parsed = await readIngestBody(postRequest(body, { "content-encoding": "gzip" }), {
            maxCompressedBytes: 10_000_000,
            maxDecompressedBytes: 10_000_000,
          });
          expect(parsed).toEqual(JSON.parse(text));
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
