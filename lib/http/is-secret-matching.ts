import { createHash, timingSafeEqual } from "node:crypto";

// Hashing first gives equal-length inputs, so neither the comparison nor an early
// length check leaks how much of the secret a guess got right.
export function isSecretMatching(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
