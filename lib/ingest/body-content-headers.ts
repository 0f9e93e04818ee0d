import { AppError } from "@/lib/http/app-error";

export type ContentCoding = "identity" | "gzip" | "deflate" | "br";

const codingAliases: Record<string, ContentCoding> = {
  identity: "identity",
  gzip: "gzip",
  // RFC 9110 §8.4.1.3: recipients should treat x-gzip as gzip.
  "x-gzip": "gzip",
  deflate: "deflate",
  br: "br",
};

// application/json, or a structured-syntax suffix like application/problem+json.
const jsonMediaType = /^application\/(?:json|[a-z0-9!#$&^_.-]+\+json)$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

// A missing Content-Type is read as JSON: older executors post without one.
export function assertJsonContentType(headers: Headers): void {
  const raw = headers.get("content-type");
  if (raw === null || raw.trim() === "") return;
  const [mediaType = "", ...parameters] = raw.split(";");
  if (!jsonMediaType.test(mediaType.trim().toLowerCase())) {
    throw new AppError(
      "unsupported_media_type",
      `Content-Type must be application/json, got "${mediaType.trim().slice(0, 100)}".`,
    );
  }
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") continue;
    // The body is decoded strictly as UTF-8; a different declared charset would be misread.
    const charset = unquote(value).toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") {
      throw new AppError(
        "unsupported_media_type",
        `The JSON body must be UTF-8, got charset "${charset.slice(0, 40)}".`,
      );
    }
  }
}

export function readContentCoding(headers: Headers): ContentCoding {
  const raw = headers.get("content-encoding") ?? "";
  const codings = raw
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length === 0) return "identity";
  const [first = ""] = codings;
  const coding = codingAliases[first];
  if (codings.length > 1 || coding === undefined) {
    throw new AppError(
      "unsupported_media_type",
      `Content-Encoding must be one of gzip, deflate, br or identity, got "${raw.slice(0, 100)}".`,
    );
  }
  return coding;
}

// Refuse before reading a byte when the client already says the body is too big.
export function assertContentLengthWithin(headers: Headers, maxBytes: number): void {
  const raw = headers.get("content-length")?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return;
  if (Number(raw) > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The request body is ${raw} bytes; the limit is ${maxBytes} bytes.`,
    );
  }
}
