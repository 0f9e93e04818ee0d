"use client";

import { ArrowDown, LoaderCircle, PencilLine, Sparkles } from "lucide-react";
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { proposeFixAction } from "@/app/(app)/errors/[id]/fix-actions";
import { AiSetupNotice } from "@/components/recovery/ai-setup-notice";
import {
  canProposeFix,
  describeRecoveryState,
  findAiBlocker,
  isAttemptInFlight,
} from "@/components/recovery/describe-recovery-state";
import { useFixReview } from "@/components/recovery/fix-review-context";
import { RecoveryCaps } from "@/components/recovery/recovery-caps";
import { useRefreshWhile } from "@/components/recovery/use-refresh-while";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { GroupRecovery } from "@/lib/regeneration/get-group-recovery";

export const RECOVERY_PANEL_TITLE_ID = "recovery-panel-title";

const policyLabels: Record<GroupRecovery["regenerationPolicy"], string> = {
  off: "only when you ask",
  compile_runtime: "automatically for code errors",
  all: "automatically for every error",
};

// The sidebar's view of fixing this error: where the latest attempt stands, the
// "Propose a fix" request with the user's remaining limits, what the operator must
// configure when AI fixes cannot run, and the manual path that always works.
export function RecoveryPanel({ recovery }: { recovery: GroupRecovery }) {
  const latest = recovery.attempts[0] ?? null;
  const state = describeRecoveryState(latest);
  const isInFlight = isAttemptInFlight(latest);
  const blocker = findAiBlocker(recovery);
  const { openManualDraft } = useFixReview();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const noticeId = useId();
  const stateId = useId();
  useRefreshWhile(isInFlight);

  function propose() {
    setError(null);
    startTransition(async () => {
      const result = await proposeFixAction({ groupId: recovery.groupId });
      if (!result.ok) setError(result.message);
    });
  }

  const isProposeDisabled = isPending || isInFlight || !canProposeFix(blocker);
  return (
    <Card className="border-primary/40 bg-primary/[0.03]" data-testid="recovery-panel">
      <CardHeader className="pb-3">
        <CardTitle
          id={RECOVERY_PANEL_TITLE_ID}
          tabIndex={-1}
          className="flex items-center gap-2 outline-none"
        >
          <Sparkles aria-hidden="true" className="size-4 text-primary" />
          Recovery
        </CardTitle>
        <div
          className="flex flex-col gap-1.5"
          role="status"
          data-testid="recovery-state"
          data-state={state.state}
        >
          <Badge variant={state.tone} hasDot>
            {isInFlight ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
            {state.label}
          </Badge>
          <CardDescription id={stateId} className="[overflow-wrap:anywhere]">
            {state.description}
            {latest && latest.status !== "queued" ? (
              <>
                {" "}
                <span className="whitespace-nowrap">
                  (started <RelativeTime date={latest.createdAt} />)
                </span>
              </>
            ) : null}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {isInFlight ? (
          <div className="flex flex-col gap-1.5" data-testid="recovery-progress">
            <div className="h-1.5 w-full overflow-hidden rounded-full bg-muted">
              <div className="h-full w-1/3 animate-pulse rounded-full bg-primary" />
            </div>
            <p className="text-xs text-muted-foreground">
              This page updates by itself; a fix usually takes under a minute.
            </p>
          </div>
        ) : null}
        {latest?.status === "proposed" ? (
          <Button asChild variant="outline" size="sm" className="w-full sm:w-auto">
            <a href="#fix-workspace">
              <ArrowDown aria-hidden="true" />
              Review the proposed fix
            </a>
          </Button>
        ) : null}
        {blocker ? <AiSetupNotice blocker={blocker} id={noticeId} /> : null}
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={propose}
              disabled={isProposeDisabled}
              aria-busy={isPending || undefined}
              aria-describedby={blocker ? noticeId : undefined}
              data-testid="propose-fix"
            >
              {isPending ? (
                <LoaderCircle aria-hidden="true" className="animate-spin" />
              ) : (
                <Sparkles aria-hidden="true" />
              )}
              {latest?.status === "proposed" ? "Propose another fix" : "Propose a fix"}
            </Button>
            {recovery.baseCode ? (
              <Button variant="outline" onClick={openManualDraft} data-testid="write-fix-yourself">
                <PencilLine aria-hidden="true" />
                Write a fix yourself
              </Button>
            ) : null}
          </div>
          {error ? (
            <p
              role="alert"
              className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
              data-testid="propose-fix-error"
            >
              {error}
            </p>
          ) : null}
          {recovery.baseCode ? null : (
            <p className="text-xs text-muted-foreground">
              This trader has no code version to start a fix from.
            </p>
          )}
        </div>
        <RecoveryCaps caps={recovery.caps} />
        <p className="text-xs text-muted-foreground">
          Fixes are proposed {policyLabels[recovery.regenerationPolicy]}
          {recovery.autoDeploy ? " and deployed automatically when verified" : ""}.{" "}
          <Link href="/settings/ai" className="text-link underline-offset-4 hover:underline">
            Change in AI fix settings
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
