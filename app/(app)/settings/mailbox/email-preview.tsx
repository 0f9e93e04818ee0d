import { toPreviewHtml } from "@/app/(app)/settings/mailbox/email-preview-html";
import { EmailStatusBadge } from "@/app/(app)/settings/mailbox/email-status-badge";
import type { MailboxEmailContent } from "@/lib/email/get-mailbox-email";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

// The stored HTML runs in a sandbox without scripts or same-origin access, so an email
// (whose text comes from error messages) can never act as the signed-in user.
export function EmailPreview({ email }: { email: MailboxEmailContent }) {
  return (
    <section
      id="email-preview"
      aria-labelledby="email-preview-subject"
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-border bg-card p-4 shadow-sm"
      data-testid="mailbox-preview"
    >
      <div className="flex flex-col gap-1.5">
        <h2
          id="email-preview-subject"
          className="text-base font-semibold break-words text-foreground"
          data-testid="mailbox-preview-subject"
        >
          {email.subject}
        </h2>
        <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
          <div className="flex gap-1">
            <dt>To</dt>
            <dd className="break-all text-foreground">{email.toAddress}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Recorded</dt>
            <dd className="text-foreground">{dateFormat.format(email.createdAt)} UTC</dd>
          </div>
          <div className="flex items-center gap-1">
            <dt className="sr-only">Status</dt>
            <dd>
              <EmailStatusBadge status={email.status} />
            </dd>
          </div>
        </dl>
        {email.error ? (
          <p className="text-xs text-destructive" data-testid="mailbox-preview-error">
            Last error: {email.error}
          </p>
        ) : null}
      </div>
      <iframe
        title={`Email: ${email.subject}`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={toPreviewHtml(email.html)}
        className="h-[32rem] w-full rounded-md border border-border bg-white sm:h-[40rem]"
        data-testid="mailbox-preview-frame"
      />
    </section>
  );
}
