import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { parseEnvelope, readEventPayloads } from "@/lib/sentry/parse-envelope";

const header = JSON.stringify({ event_id: "9ec79c33ec9942ab8353589fcb2e04dc" });
const lines = (...parts: string[]) => Buffer.from(parts.join("\n"), "utf8");

function parseError(bytes: Buffer): AppError {
  try {
    parseEnvelope(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected parseEnvelope to throw");
}

describe("parseEnvelope", () => {
  it("reads a length-prefixed payload that contains newlines and multi-byte characters", () => {
    const payload = '{"message":"line one\nline two – ü"}';
    const length = Buffer.byteLength(payload);
    const envelope = parseEnvelope(
      lines(
        header,
        JSON.stringify({ type: "attachment", length }),
        payload,
        '{"type":"event"}',
        "{}",
      ),
    );
    expect(envelope.items.map((item) => item.type)).toEqual(["attachment", "event"]);
    expect(envelope.items[0]?.payload.toString("utf8")).toBe(payload);
    expect(envelope.items[1]?.payload.toString("utf8")).toBe("{}");
  });

  it("accepts a last item without a trailing newline, and with one", () => {
    const withoutNewline = parseEnvelope(lines(header, '{"type":"event"}', '{"a":1}'));
    const withNewline = parseEnvelope(lines(header, '{"type":"event"}', '{"a":1}', ""));
    for (const envelope of [withoutNewline, withNewline]) {
      expect(envelope.items).toHaveLength(1);
      expect(envelope.items[0]?.payload.toString()).toBe('{"a":1}');
    }
  });

  it("reads the envelope header and several items", () => {
    const envelope = parseEnvelope(
      lines(
        header,
        '{"type":"session"}',
        '{"sid":"x"}',
        '{"type":"event","length":7}',
        '{"b":2}',
        '{"type":"client_report"}',
        '{"discarded_events":[]}',
      ),
    );
    expect(envelope.header).toEqual({ event_id: "9ec79c33ec9942ab8353589fcb2e04dc" });
    expect(envelope.items.map((item) => item.type)).toEqual(["session", "event", "client_report"]);
  });

  it("accepts an envelope with only a header", () => {
    expect(parseEnvelope(Buffer.from(header)).items).toEqual([]);
  });

  it("accepts an empty payload with length 0", () => {
    const envelope = parseEnvelope(lines(header, '{"type":"attachment","length":0}', ""));
    expect(envelope.items[0]?.payload.length).toBe(0);
  });

  it.each([
    ["an empty body", Buffer.alloc(0), "the body is empty"],
    ["garbage", Buffer.from("not an envelope at all"), "envelope header is not valid JSON"],
    ["a JSON array header", lines("[1,2]", '{"type":"event"}', "{}"), "not a JSON object"],
    ["an item header without type", lines(header, '{"length":2}', "{}"), "item 1 has no type"],
    ["a negative length", lines(header, '{"type":"event","length":-1}', "{}"), "invalid length"],
    ["a length past the end", lines(header, '{"type":"event","length":50}', "{}"), "declares 50"],
    [
      "a payload longer than its length",
      lines(header, '{"type":"event","length":1}', "{}"),
      "longer",
    ],
    ["a garbage item header", lines(header, "{{{", "{}"), "header of item 1 is not valid JSON"],
  ])("rejects %s with a 400 naming the problem", (_name, bytes, message) => {
    const error = parseError(bytes);
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(message);
  });
});

describe("readEventPayloads", () => {
  it("keeps only event items and parses them", () => {
    const envelope = parseEnvelope(
      lines(
        header,
        '{"type":"session"}',
        '{"sid":"x"}',
        '{"type":"event"}',
        '{"event_id":"a"}',
        '{"type":"transaction"}',
        '{"type":"transaction"}',
        '{"type":"attachment","length":3}',
        "a\nb",
      ),
    );
    expect(readEventPayloads(envelope)).toEqual([{ event_id: "a" }]);
  });

  it("rejects an event payload that is not a JSON object", () => {
    const envelope = parseEnvelope(lines(header, '{"type":"event"}', "[]"));
    expect(() => readEventPayloads(envelope)).toThrow(/event item 1 is not a JSON object/);
  });
});
