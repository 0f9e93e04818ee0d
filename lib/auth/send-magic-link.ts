import { getResendClient } from "@/lib/email/resend-client";
import { env } from "@/lib/env";

export async function sendMagicLink({ email, url }: { email: string; url: string }): Promise<void> {
  const resend = getResendClient();
  if (!resend) throw new Error("Email sign-in needs RESEND_API_KEY.");
  const { error } = await resend.emails.send({
    from: env.EMAIL_FROM,
    to: email,
    subject: "Sign in to Faultline",
    text: `Sign in to Faultline:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
    html: `<p>Sign in to Faultline:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>`,
  });
  if (error) throw new Error(`Could not send the sign-in email: ${error.message}`);
}
