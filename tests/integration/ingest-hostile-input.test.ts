import { afterAll, describe, expect, it } from "vitest";
import { withPublic } from "@/lib/http/route-wrappers";
import { readIngestBody } from "@/lib/ingest/read-ingest-body";
import { sanitizeJsonValue } from "@/lib/ingest/sanitize-text";
import { buildHostilePayloads, type HostilePayload } from "@/tests/fixtures/hostile-payloads";
import { noParams } from "@/tests/support/api-request";

const limits = { maxCompressedBytes: 256 * 1024, maxDecompressedBytes: 1024 * 1024 };

// The same steps POST /api/errors runs before schema validation, behind the real
// wrapper, so every thrown error goes through the real problem+json mapper.
const harness = withPublic(async (request) => {
  const body = sanitizeJsonValue(await readIngestBody(request, limits));
  return Response.json({ body });
});

function toRequest(payload: HostilePayload): Request {
  return new Request("http://localhost:3000/api/errors", {
    method: "POST",
    headers: { "content-type": "application/json", ...payload.headers },
    body: payload.body,
  });
}

const payloads = buildHostilePayloads(limits);
const outcomes = new Map<string, number>();

function countOutcome(status: number, code: string | undefined): void {
  const key = status === 200 ? "200 value" : `${status} ${code ?? "?"}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

describe("ingest body reader against hostile input", () => {
  afterAll(() => {
    const total = [...outcomes.values()].reduce((sum, count) => sum + count, 0);
    console.info(
      `[hostile-input] ${total} payloads:`,
      Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b))),
    );
    expect(total).toBe(payloads.length);
    expect([...outcomes.keys()].filter((key) => key.startsWith("5"))).toEqual([]);
  });

  it("has a corpus of at least 200 payloads covering every category", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(200);
    expect(new Set(payloads.map((payload) => payload.category))).toEqual(
      new Set([
        "truncated",
        "malformed",
        "empty",
        "top-level",
        "non-finite",
        "numbers",
        "nesting",
        "size",
        "bomb",
        "encoding",
        "utf-8",
        "invisible",
        "prototype",
        "noise",
      ]),
    );
  });

  it.each(payloads)(
    "$category: $name",
    async (payload) => {
      const response = await harness(toRequest(payload), noParams);
      const json = (await response.json()) as { body?: unknown; code?: string; detail?: string };
      countOutcome(response.status, json.code);

      if (response.status !== 200) {
        // A client error must say what was wrong, as problem+json.
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(json.detail).toEqual(expect.any(String));
      }
      if (payload.expected.kind === "value") {
        expect(response.status, json.detail).toBe(200);
        if ("value" in payload.expected) expect(json.body).toEqual(payload.expected.value);
      } else if (payload.expected.kind === "error") {
        expect(response.status, json.detail).toBe(payload.expected.status);
      } else {
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(
          true,
        );
      }
    },
    10_000,
  );

  it("never pollutes Object.prototype", () => {
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(Object.hasOwn(Object.prototype, "isAdmin")).toBe(false);
  });
});
