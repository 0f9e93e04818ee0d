import { getDb } from "@/lib/db";
import type { MailboxEmail } from "@/lib/email/list-mailbox-emails";

export type MailboxEmailContent = MailboxEmail & { html: string };

// Null for another user's email as for a missing one: ids are not a way in.
export async function getMailboxEmail({
  userId,
  emailId,
}: {
  userId: string;
  emailId: string;
}): Promise<MailboxEmailContent | null> {
  return getDb().emailMessage.findFirst({
    where: { id: emailId, userId },
    select: {
      id: true,
      kind: true,
      subject: true,
      toAddress: true,
      status: true,
      error: true,
      createdAt: true,
      sentAt: true,
      html: true,
    },
  });
}
