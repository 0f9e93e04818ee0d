import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Token shape: fl_<12-char lookup prefix>_<43-char secret>. The prefix is stored in
// clear for lookup; the secret only as a SHA-256 hash (it is 256 random bits, so a
// slow KDF would add latency to every ingest call without adding safety).
const TOKEN_PATTERN = /^fl_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export type GeneratedApiKey = { token: string; prefix: string; hash: string };

function randomAlphanumeric(length: number): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = `fl_${randomAlphanumeric(12)}`;
  const secret = randomBytes(32).toString("base64url");
  return { token: `${prefix}_${secret}`, prefix, hash: hashApiKeySecret(secret) };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { prefix: `fl_${match[1]}`, secret: match[2] };
}

export function isSecretMatching(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeySecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
