import { AppError } from "@/lib/http/app-error";

export type EnvelopeItem = {
  type: string;
  header: Record<string, unknown>;
  payload: Buffer;
};

export type Envelope = {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
};

const NEWLINE = 0x0a;

function malformed(message: string): AppError {
  return new AppError("bad_request", `Malformed Sentry envelope: ${message}`);
}

function parseJsonObject(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw malformed(`${what} is not valid JSON.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(`${what} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

// Index of the next newline at or after `from`, or the end of the buffer.
function lineEnd(bytes: Buffer, from: number): number {
  const index = bytes.indexOf(NEWLINE, from);
  return index === -1 ? bytes.length : index;
}

function readItemLength(header: Record<string, unknown>, itemNumber: number): number | undefined {
  const { length } = header;
  if (length === undefined || length === null) return undefined;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 0) {
    throw malformed(`item ${itemNumber} has an invalid length.`);
  }
  return length;
}

function readItemType(header: Record<string, unknown>, itemNumber: number): string {
  if (typeof header.type !== "string" || header.type === "") {
    throw malformed(`item ${itemNumber} has no type.`);
  }
  return header.type;
}

// https://develop.sentry.dev/sdk/data-model/envelopes/ – a header line, then items of
// an item-header line plus a payload. Lengths are in bytes, so this works on bytes: a
// length-prefixed payload may contain newlines and multi-byte UTF-8.
export function parseEnvelope(bytes: Buffer): Envelope {
  if (bytes.length === 0) throw malformed("the body is empty.");
  const headerEnd = lineEnd(bytes, 0);
  const header = parseJsonObject(bytes.subarray(0, headerEnd), "the envelope header");
  const items: EnvelopeItem[] = [];
  let offset = headerEnd + 1;

  while (offset < bytes.length) {
    const itemHeaderEnd = lineEnd(bytes, offset);
    // Tolerate blank lines between items and a trailing newline after the last one.
    if (itemHeaderEnd === offset) {
      offset += 1;
      continue;
    }
    const itemNumber = items.length + 1;
    const itemHeader = parseJsonObject(
      bytes.subarray(offset, itemHeaderEnd),
      `the header of item ${itemNumber}`,
    );
    const type = readItemType(itemHeader, itemNumber);
    const length = readItemLength(itemHeader, itemNumber);
    const payloadStart = Math.min(itemHeaderEnd + 1, bytes.length);
    let payloadEnd: number;
    if (length === undefined) {
      payloadEnd = lineEnd(bytes, payloadStart);
    } else {
      payloadEnd = payloadStart + length;
      if (payloadEnd > bytes.length) {
        throw malformed(
          `item ${itemNumber} declares ${length} bytes but only ${bytes.length - payloadStart} remain.`,
        );
      }
      if (payloadEnd < bytes.length && bytes[payloadEnd] !== NEWLINE) {
        throw malformed(
          `item ${itemNumber} is longer than its declared length of ${length} bytes.`,
        );
      }
    }
    items.push({ type, header: itemHeader, payload: bytes.subarray(payloadStart, payloadEnd) });
    offset = payloadEnd + 1;
  }
  return { header, items };
}

// Only error events become Faultline events; sessions, transactions, client reports,
// attachments and the rest are accepted and dropped, as a Sentry relay would for a
// project that does not use them.
export function readEventPayloads(envelope: Envelope): Record<string, unknown>[] {
  return envelope.items
    .filter((item) => item.type === "event")
    .map((item, index) => parseJsonObject(item.payload, `event item ${index + 1}`));
}
