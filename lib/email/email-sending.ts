import { env } from "@/lib/env";

// Whether emails leave the server or are only stored in the in-app mailbox. A boolean
// on purpose: pages may show it, the key itself never leaves lib/email.
export function isEmailSendingConfigured(): boolean {
  return Boolean(env.RESEND_API_KEY);
}
