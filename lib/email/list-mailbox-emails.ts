import { getDb } from "@/lib/db";
import type { EmailStatus, NotificationKind } from "@/lib/generated/prisma/enums";

export type MailboxEmail = {
  id: string;
  kind: NotificationKind;
  subject: string;
  toAddress: string;
  status: EmailStatus;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export const MAILBOX_PAGE_SIZE = 50;

// The signed-in user's own emails, newest first (the index on user_id, created_at).
export async function listMailboxEmails({ userId }: { userId: string }): Promise<MailboxEmail[]> {
  return getDb().emailMessage.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      subject: true,
      toAddress: true,
      status: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
