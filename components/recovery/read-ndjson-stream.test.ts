import { describe, expect, it } from "vitest";
import { readNdjsonStream } from "@/components/recovery/read-ndjson-stream";

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of readNdjsonStream(stream)) values.push(value);
  return values;
}

describe("readNdjsonStream", () => {
  it("yields one value per line", async () => {
    expect(await collect(streamOf(['{"a":1}\n{"b":2}\n']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("joins a line split across chunks", async () => {
    const values = await collect(streamOf(['{"type":"prog', 'ress","done":1}\n{"x"', ":2}\n"]));
    expect(values).toEqual([{ type: "progress", done: 1 }, { x: 2 }]);
  });

  it("joins a multi-byte character split across chunks", async () => {
    const bytes = new TextEncoder().encode('{"label":"€"}\n');
    // "€" is three bytes; cut in its middle.
    const cut = bytes.indexOf(0xe2) + 1;
    const values = await collect(streamOf([bytes.slice(0, cut), bytes.slice(cut)]));
    expect(values).toEqual([{ label: "€" }]);
  });

  it("reads a last line without a newline and skips blank lines", async () => {
    expect(await collect(streamOf(['\n{"a":1}\n\n  \n{"b":2}']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("yields nothing for an empty body", async () => {
    expect(await collect(streamOf([]))).toEqual([]);
  });

  it("throws on a line that is not JSON, after the lines before it", async () => {
    const values: unknown[] = [];
    const reading = (async () => {
      for await (const value of readNdjsonStream(streamOf(['{"a":1}\nnot json\n'])))
        values.push(value);
    })();
    await expect(reading).rejects.toThrow(SyntaxError);
    expect(values).toEqual([{ a: 1 }]);
  });
});
