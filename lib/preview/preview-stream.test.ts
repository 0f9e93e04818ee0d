import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { streamFixPreview } from "@/lib/preview/preview-stream";
import type { FixPreview } from "@/lib/preview/preview-types";

const preview: FixPreview = {
  base: { label: "Version 1", versionId: null, version: 1 },
  rows: [],
  summary: {
    total: 0,
    fixed: 0,
    broken: 0,
    stillFailing: 0,
    selectionChanged: 0,
    unchanged: 0,
    fixesFailingInput: null,
    text: "There were no inputs to preview on.",
  },
};

async function readLines(response: Response): Promise<unknown[]> {
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
}

describe("streamFixPreview", () => {
  it("streams progress lines, then the result, as ndjson that is never cached", async () => {
    const response = streamFixPreview(async ({ onProgress }) => {
      onProgress({ done: 1, total: 2 });
      onProgress({ done: 2, total: 2 });
      return preview;
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await readLines(response)).toEqual([
      { type: "progress", done: 1, total: 2 },
      { type: "progress", done: 2, total: 2 },
      { type: "result", preview },
    ]);
  });

  it("ends with one error line, without internals, when the run throws", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = streamFixPreview(async ({ onProgress }) => {
      onProgress({ done: 1, total: 4 });
      throw new Error("connection to 10.0.0.5 refused");
    });
    const lines = await readLines(response);
    expect(lines).toEqual([
      { type: "progress", done: 1, total: 4 },
      {
        type: "error",
        title: "Preview failed",
        detail: "The preview could not be completed because of an internal error.",
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain("10.0.0.5");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("passes an AppError's message on", async () => {
    const response = streamFixPreview(async () => {
      throw new AppError("unavailable", "The database is unavailable.");
    });
    expect(await readLines(response)).toEqual([
      { type: "error", title: "Preview failed", detail: "The database is unavailable." },
    ]);
  });

  it("aborts the run when the client cancels the body", async () => {
    let runSignal: AbortSignal | undefined;
    let release: () => void = () => undefined;
    const response = streamFixPreview(async ({ signal }) => {
      runSignal = signal;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return preview;
    });
    await response.body?.cancel();
    expect(runSignal?.aborted).toBe(true);
    release();
  });
});
