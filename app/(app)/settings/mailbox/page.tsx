import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { EmailPreview } from "@/app/(app)/settings/mailbox/email-preview";
import { MailboxList } from "@/app/(app)/settings/mailbox/mailbox-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUserPage } from "@/lib/auth/current-user";
import { isEmailSendingConfigured } from "@/lib/email/email-sending";
import { getMailboxEmail } from "@/lib/email/get-mailbox-email";
import { listMailboxEmails, MAILBOX_PAGE_SIZE } from "@/lib/email/list-mailbox-emails";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Mailbox" };

type MailboxPageProps = { searchParams: Promise<{ email?: string | string[] }> };

const linkClass = "text-link underline-offset-4 hover:underline";

export default async function MailboxPage({ searchParams }: MailboxPageProps) {
  const user = await requireUserPage("/settings/mailbox");
  const requested = z.uuid().safeParse((await searchParams).email);
  const emails = await listMailboxEmails({ userId: user.id });
  // The newest email is open by default, so the page never shows an empty pane.
  const selectedId = requested.success ? requested.data : (emails[0]?.id ?? null);
  const selected = selectedId
    ? await getMailboxEmail({ userId: user.id, emailId: selectedId })
    : null;
  const isSending = isEmailSendingConfigured();

  return (
    <>
      <PageHeader
        title="Mailbox"
        count={emails.length}
        countLabel={emails.length === 1 ? "email" : "emails"}
        description={
          <span data-testid="mailbox-explanation">
            {isSending
              ? `Every email Faultline sent you, as sent to ${user.email}.`
              : "Email sending is not configured on this server (no RESEND_API_KEY), so your emails are stored here but not sent."}{" "}
            Choose which ones you get in{" "}
            <Link href="/settings/notifications" className={linkClass}>
              notification emails
            </Link>
            .
          </span>
        }
      />
      {emails.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title="No emails yet"
          description="Emails about new errors, regressions and fixes appear here as soon as they are written."
          data-testid="mailbox-empty"
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)] lg:items-start">
          <div className="flex flex-col gap-2">
            <MailboxList emails={emails} selectedId={selected?.id ?? null} />
            {emails.length === MAILBOX_PAGE_SIZE ? (
              <p className="text-xs text-muted-foreground">
                Showing the latest {MAILBOX_PAGE_SIZE} emails.
              </p>
            ) : null}
          </div>
          {selected ? (
            <EmailPreview email={selected} />
          ) : (
            <EmptyState
              title="Email not found"
              description="It is not in your mailbox. Pick one from the list."
              data-testid="mailbox-not-found"
            />
          )}
        </div>
      )}
    </>
  );
}
