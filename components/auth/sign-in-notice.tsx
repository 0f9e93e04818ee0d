import { CircleAlert, MailCheck } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type SignInNoticeProps = {
  tone: "error" | "success";
  title: string;
  children?: ReactNode;
};

// Errors use role="alert" so they are announced on arrival; the check-email
// confirmation is a polite status.
export function SignInNotice({ tone, title, children }: SignInNoticeProps) {
  const Icon = tone === "error" ? CircleAlert : MailCheck;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={tone === "error" ? "sign-in-error" : "sign-in-check-email"}
      className={cn(
        "flex gap-3 rounded-lg border px-3.5 py-3 text-sm",
        tone === "error"
          ? "border-red-500/30 bg-red-500/10 text-red-800 dark:text-red-200"
          : "border-emerald-500/30 bg-emerald-500/10 text-emerald-800 dark:text-emerald-200",
      )}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="flex flex-col gap-1">
        <p className="font-medium">{title}</p>
        {children ? <div className="opacity-90">{children}</div> : null}
      </div>
    </div>
  );
}
