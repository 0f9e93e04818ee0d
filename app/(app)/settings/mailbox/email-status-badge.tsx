import { Badge } from "@/components/ui/badge";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

const statuses: Record<EmailStatus, { label: string; tone: string; hint: string }> = {
  sent: {
    label: "Sent",
    tone: "text-emerald-700 dark:text-emerald-300",
    hint: "Delivered to Resend.",
  },
  stored: {
    label: "Stored",
    tone: "text-zinc-700 dark:text-zinc-300",
    hint: "Kept here only; email sending is not configured.",
  },
  throttled: {
    label: "Held for digest",
    tone: "text-amber-800 dark:text-amber-300",
    hint: "The same error emailed you recently; this one goes into the daily digest.",
  },
  pending: { label: "Sending", tone: "text-indigo-700 dark:text-indigo-300", hint: "Being sent." },
  failed: {
    label: "Failed",
    tone: "text-red-700 dark:text-red-300",
    hint: "The provider refused it; it is retried automatically.",
  },
};

// The label carries the meaning; the coloured dot only helps scanning.
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { label, tone, hint } = statuses[status];
  return (
    <Badge variant="outline" hasDot className={tone} title={hint} data-testid="email-status">
      {label}
    </Badge>
  );
}
