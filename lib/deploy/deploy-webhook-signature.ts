import { createHmac, timingSafeEqual } from "node:crypto";

export const DEPLOY_WEBHOOK_SIGNATURE_HEADER = "X-Faultline-Signature";

// Five minutes either way: enough for clock skew and a slow network, short enough
// that a captured request cannot be replayed later.
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, Stripe's scheme:
// the timestamp is signed with the body, so it cannot be swapped to replay a request.
export function signDeployWebhook({
  secret,
  body,
  timestamp,
}: {
  secret: string;
  body: string;
  timestamp: number;
}): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value))
      signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * For receivers of the deploy webhook: true when `header` (the X-Faultline-Signature
 * value) signs exactly `body` (the raw request body, before any JSON parsing) with
 * `secret`, and its timestamp is within the tolerance of `now`. Constant-time.
 */
export function verifyDeployWebhookSignature({
  secret,
  header,
  body,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  now = new Date(),
}: {
  secret: string;
  header: string | null;
  body: string;
  toleranceSeconds?: number;
  now?: Date;
}): boolean {
  const parsed = header ? parseSignatureHeader(header) : null;
  if (!parsed) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.timestamp, body), "hex");
  // Several v1 values let a receiver accept the old and new secret while rotating.
  return parsed.signatures.some((signature) =>
    timingSafeEqual(Buffer.from(signature, "hex"), expected),
  );
}
