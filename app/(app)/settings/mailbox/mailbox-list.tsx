import Link from "next/link";
import { EmailStatusBadge } from "@/app/(app)/settings/mailbox/email-status-badge";
import { notificationKindOptions } from "@/app/(app)/settings/notifications/notification-kind-options";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MailboxEmail } from "@/lib/email/list-mailbox-emails";
import { cn } from "@/lib/utils/cn";

type MailboxListProps = { emails: readonly MailboxEmail[]; selectedId: string | null };

// Plain links (?email=<id>): selecting works without JavaScript, can be bookmarked,
// and the back button walks through what was opened.
export function MailboxList({ emails, selectedId }: MailboxListProps) {
  return (
    <nav aria-label="Emails">
      <ul className="flex flex-col divide-y divide-border overflow-hidden rounded-xl border border-border bg-card">
        {emails.map((email) => {
          const isSelected = email.id === selectedId;
          return (
            <li key={email.id}>
              <Link
                href={`/settings/mailbox?email=${email.id}#email-preview`}
                aria-current={isSelected ? "true" : undefined}
                scroll={false}
                data-testid="mailbox-email"
                data-email-id={email.id}
                className={cn(
                  "flex flex-col gap-1.5 px-4 py-3 transition-colors hover:bg-subtle/60",
                  "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
                  isSelected && "bg-subtle",
                )}
              >
                <span className="line-clamp-2 text-sm font-medium break-words text-foreground">
                  {email.subject}
                </span>
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                  <EmailStatusBadge status={email.status} />
                  <span>{notificationKindOptions[email.kind].label}</span>
                  <span aria-hidden="true">·</span>
                  <RelativeTime date={email.createdAt} />
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
