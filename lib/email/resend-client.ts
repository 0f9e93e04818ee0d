import { Resend } from "resend";
import { env } from "@/lib/env";

let cached: Resend | null | undefined;

// Null when no key is configured: callers then store the email instead of sending it.
export function getResendClient(): Resend | null {
  if (cached !== undefined) return cached;
  cached = env.RESEND_API_KEY
    ? new Resend(
        env.RESEND_API_KEY,
        env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined,
      )
    : null;
  return cached;
}
