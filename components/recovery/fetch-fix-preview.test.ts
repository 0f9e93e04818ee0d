import { describe, expect, it, vi } from "vitest";
import { FixPreviewError, fetchFixPreview } from "@/components/recovery/fetch-fix-preview";
import type { FixPreview } from "@/lib/preview/preview-types";

const preview: FixPreview = {
  base: { label: "v3", versionId: null, version: 3 },
  rows: [],
  summary: {
    total: 0,
    fixed: 0,
    broken: 0,
    stillFailing: 0,
    selectionChanged: 0,
    unchanged: 0,
    fixesFailingInput: null,
    text: "Nothing to compare.",
  },
};

function ndjson(lines: unknown[], tail = ""): Response {
  const body = lines.map((line) => `${JSON.stringify(line)}\n`).join("") + tail;
  return new Response(body, { status: 200, headers: { "content-type": "application/x-ndjson" } });
}

async function run(response: Response | Error) {
  const onProgress = vi.fn();
  const fetchImpl = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  const result = fetchFixPreview({ groupId: "g 1", code: "x", onProgress, fetchImpl });
  return { result, onProgress, fetchImpl };
}

describe("fetchFixPreview", () => {
  it("posts the code and reports progress until the result", async () => {
    const { result, onProgress, fetchImpl } = await run(
      ndjson([
        { type: "progress", done: 0, total: 2 },
        { type: "progress", done: 2, total: 2 },
        { type: "result", preview },
      ]),
    );
    await expect(result).resolves.toEqual(preview);
    expect(onProgress.mock.calls).toEqual([[{ done: 0, total: 2 }], [{ done: 2, total: 2 }]]);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/errors/g%201/preview");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ code: "x" });
  });

  it("throws the stream's error message", async () => {
    const { result } = await run(
      ndjson([{ type: "error", title: "Sandbox failed", detail: "Out of memory" }]),
    );
    await expect(result).rejects.toMatchObject({
      title: "Sandbox failed",
      detail: "Out of memory",
    });
  });

  it("throws a problem's title and detail on a 4xx", async () => {
    const problem = { title: "Validation failed", detail: "code is empty", status: 422 };
    const { result } = await run(
      new Response(JSON.stringify(problem), {
        status: 422,
        headers: { "content-type": "application/problem+json" },
      }),
    );
    await expect(result).rejects.toMatchObject({
      title: "Validation failed",
      detail: "code is empty",
    });
  });

  it("names the status when an error body is not JSON", async () => {
    const { result } = await run(new Response("<html>", { status: 502 }));
    await expect(result).rejects.toMatchObject({ detail: "The server answered 502." });
  });

  it("fails when the stream ends without a result", async () => {
    const { result } = await run(ndjson([{ type: "progress", done: 1, total: 2 }]));
    await expect(result).rejects.toMatchObject({ detail: "The preview ended without a result." });
  });

  it("fails when a line is cut off", async () => {
    const { result } = await run(ndjson([{ type: "progress", done: 1, total: 2 }], '{"type":'));
    await expect(result).rejects.toBeInstanceOf(FixPreviewError);
  });

  it("fails when the server cannot be reached", async () => {
    const { result } = await run(new TypeError("fetch failed"));
    await expect(result).rejects.toMatchObject({ detail: "The server could not be reached." });
  });
});
