import type { ReactElement } from "react";
import { getDb } from "@/lib/db";
import { EmailProviderError, isTransientEmailError } from "@/lib/email/email-provider-error";
import { renderEmail } from "@/lib/email/render-email";
import { getResendClient } from "@/lib/email/resend-client";
import { env } from "@/lib/env";
import type { EmailStatus, NotificationKind } from "@/lib/generated/prisma/enums";
import { getServicePolicy } from "@/lib/resilience/service-circuit-registry";

export type EmailThrottle = { groupId: string; windowMinutes: number };

export type SendEmailInput = {
  userId: string;
  to: string;
  kind: NotificationKind;
  subject: string;
  react: ReactElement;
  // One email per key, ever: a retry finds the recorded row instead of rendering a new
  // one, and Resend drops a repeated request that carries the same key.
  idempotencyKey: string;
  notificationId?: string;
  // At most one email per error group per window: a later one is recorded as
  // `throttled` (for the daily digest) instead of being sent.
  throttle?: EmailThrottle;
};

export type SendEmailResult = { emailId: string; status: EmailStatus };

const emailSelect = {
  id: true,
  status: true,
  toAddress: true,
  subject: true,
  html: true,
  text: true,
  idempotencyKey: true,
} as const;

type RecordedEmail = {
  id: string;
  status: EmailStatus;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
};

const MAX_ERROR_LENGTH = 1_000;

function isFinal(status: EmailStatus): boolean {
  return status === "sent" || status === "stored" || status === "throttled";
}

/**
 * Writes the email row (or finds the one a previous attempt wrote). With a throttle,
 * the group's advisory lock serialises deciding and recording, so two notifications of
 * one group delivered at the same moment cannot both count as "the first".
 */
async function recordEmail(
  input: Omit<SendEmailInput, "react">,
  rendered: { html: string; text: string },
): Promise<RecordedEmail> {
  const { throttle } = input;
  return getDb().$transaction(async (tx) => {
    let status: EmailStatus = "pending";
    if (throttle) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`email-throttle:${throttle.groupId}`}, 0))`;
      const recent = await tx.emailMessage.findFirst({
        where: {
          userId: input.userId,
          kind: { not: "daily_digest" },
          status: { not: "throttled" },
          createdAt: { gt: new Date(Date.now() - throttle.windowMinutes * 60_000) },
          notification: { groupId: throttle.groupId, userId: input.userId },
        },
        select: { id: true },
      });
      if (recent) status = "throttled";
    }
    await tx.emailMessage.createMany({
      data: [
        {
          userId: input.userId,
          notificationId: input.notificationId,
          kind: input.kind,
          toAddress: input.to,
          subject: input.subject,
          html: rendered.html,
          text: rendered.text,
          status,
          idempotencyKey: input.idempotencyKey,
        },
      ],
      skipDuplicates: true,
    });
    return tx.emailMessage.findUniqueOrThrow({
      where: { idempotencyKey: input.idempotencyKey },
      select: emailSelect,
    });
  });
}

// Sends the recorded content, never a re-render: Resend rejects a reused key whose
// payload differs, and the mailbox must show exactly what went out.
async function deliverEmail(email: RecordedEmail): Promise<EmailStatus> {
  const db = getDb();
  const resend = getResendClient();
  if (!resend) {
    await db.emailMessage.update({
      where: { id: email.id },
      data: { status: "stored", error: null },
    });
    return "stored";
  }
  let providerId: string;
  try {
    providerId = await getServicePolicy({
      service: "email",
      isTransient: isTransientEmailError,
    }).execute(async () => {
      const { data, error } = await resend.emails.send(
        {
          from: env.EMAIL_FROM,
          to: email.toAddress,
          subject: email.subject,
          html: email.html,
          text: email.text,
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error) throw new EmailProviderError(`${error.name}: ${error.message}`, error.statusCode);
      if (!data) throw new EmailProviderError("Resend returned no email id.", null);
      return data.id;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.emailMessage.update({
      where: { id: email.id },
      data: { status: "failed", error: message.slice(0, MAX_ERROR_LENGTH) },
    });
    // Thrown so the job that asked for the email is retried with backoff; an open
    // circuit (CircuitOpenError) keeps its type so callers can tell an outage apart.
    if (error instanceof EmailProviderError) {
      throw new Error(`Email ${email.id} was not sent: ${message}`, { cause: error });
    }
    throw error;
  }
  await db.emailMessage.update({
    where: { id: email.id },
    data: { status: "sent", providerId, sentAt: new Date(), error: null },
  });
  return "sent";
}

/**
 * The one way the app sends email: renders the template to HTML and text, records an
 * `email_messages` row under the idempotency key, then sends it through Resend when
 * RESEND_API_KEY is set (`sent`), or only keeps it for the in-app mailbox (`stored`).
 * A provider error marks the row `failed` and throws; calling again with the same key
 * retries that row and never sends a second email.
 */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const { react, ...details } = input;
  const existing = await getDb().emailMessage.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: emailSelect,
  });
  if (existing && isFinal(existing.status)) {
    return { emailId: existing.id, status: existing.status };
  }
  const email = existing ?? (await recordEmail(details, await renderEmail(react)));
  if (isFinal(email.status)) return { emailId: email.id, status: email.status };
  return { emailId: email.id, status: await deliverEmail(email) };
}
