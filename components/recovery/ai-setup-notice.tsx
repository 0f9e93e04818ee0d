import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { AiBlocker } from "@/components/recovery/describe-recovery-state";

const Env = ({ children }: { children: ReactNode }) => (
  <code className="rounded bg-amber-500/15 px-1 py-0.5 font-mono text-[0.8125rem]">{children}</code>
);

function BlockerText({ blocker }: { blocker: AiBlocker }) {
  if (blocker.kind === "ai_fixes_off") {
    return (
      <p>
        AI fixes are turned off on this server. To turn them on, set <Env>AI_FIXES=on</Env> in the
        server&apos;s environment and restart it.
      </p>
    );
  }
  if (blocker.kind === "not_configured") {
    return (
      <>
        <p>
          No AI provider is configured on this server. Set <Env>OPENAI_API_KEY</Env> in the
          server&apos;s environment and restart it; optionally <Env>OPENAI_BASE_URL</Env> (an
          OpenAI-compatible endpoint), <Env>OPENAI_MODEL</Env> and <Env>OPENAI_API_MODE</Env> (
          <Env>responses</Env> or <Env>chat</Env>).
        </p>
        <p>
          <Env>AI_FIXES=on</Env> must stay set (it is the default).
        </p>
      </>
    );
  }
  const wait =
    blocker.retryAfterSeconds === null
      ? "shortly"
      : `in about ${Math.max(1, Math.ceil(blocker.retryAfterSeconds / 60))} min`;
  return (
    <p>
      The AI provider failed repeatedly, so requests are paused; they resume {wait}.
      {blocker.lastFailure ? ` Last failure: ${blocker.lastFailure}` : null} Check{" "}
      <Env>OPENAI_API_KEY</Env>, <Env>OPENAI_BASE_URL</Env> and <Env>OPENAI_MODEL</Env> if it keeps
      happening.
    </p>
  );
}

// Says exactly what the operator has to set for AI fixes to work, and that the
// manual path does not depend on it.
export function AiSetupNotice({ blocker, id }: { blocker: AiBlocker; id: string }) {
  return (
    <div
      id={id}
      data-testid="ai-setup-notice"
      data-blocker={blocker.kind}
      className="flex gap-2.5 rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2.5 text-sm text-amber-900 dark:text-amber-100"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1.5 [overflow-wrap:anywhere]">
        <BlockerText blocker={blocker} />
        <p>
          When to propose fixes automatically is your choice in{" "}
          <Link href="/settings/ai" className="font-medium underline underline-offset-2">
            AI fix settings
          </Link>
          . You can always write a fix yourself.
        </p>
      </div>
    </div>
  );
}
