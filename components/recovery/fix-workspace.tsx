"use client";

import { CheckCircle2, CircleDashed, LoaderCircle, Pencil, Rocket, X } from "lucide-react";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { dismissProposalAction, verifyFixCodeAction } from "@/app/(app)/errors/[id]/fix-actions";
import { CodeDiff } from "@/components/code/code-diff";
import { CodeEditor } from "@/components/code/code-editor";
import { codeViewerHeight } from "@/components/code/code-viewer-height";
import { type DeployedFix, DeployFixDialog } from "@/components/recovery/deploy-fix-dialog";
import { DeployResult } from "@/components/recovery/deploy-result";
import { FixPreviewSection } from "@/components/recovery/fix-preview-section";
import { useFixReview } from "@/components/recovery/fix-review-context";
import { ProposalExplanation } from "@/components/recovery/proposal-explanation";
import { RECOVERY_PANEL_TITLE_ID } from "@/components/recovery/recovery-panel";
import { VerificationReportView } from "@/components/recovery/verification-report-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { GroupRecovery, RecoveryAttempt } from "@/lib/regeneration/get-group-recovery";
import type { VerificationReport } from "@/lib/regeneration/verification-report";

type BaseCode = NonNullable<GroupRecovery["baseCode"]>;
type DraftSource = { kind: "proposal"; attempt: RecoveryAttempt } | { kind: "manual" };

const MIN_EDITOR_HEIGHT = 320;

const alertClass =
  "rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive";

// The attempt the workspace reviews: a proposal waiting for a decision, or the one
// already deployed (kept on screen as the record of what went live).
function findReviewableAttempt(recovery: GroupRecovery): RecoveryAttempt | null {
  const latest = recovery.attempts[0];
  if (!latest?.proposedCode) return null;
  return latest.status === "proposed" || latest.status === "deployed" ? latest : null;
}

// The main column's review of a fix: the AI's latest proposal, or a draft the user
// writes from the base code ("Write a fix yourself" in the sidebar).
export function FixWorkspace({ recovery }: { recovery: GroupRecovery }) {
  const { isManualDraftOpen } = useFixReview();
  const attempt = findReviewableAttempt(recovery);
  const base = recovery.baseCode;
  if (!base) return null;
  if (isManualDraftOpen) {
    return (
      <FixDraftReview
        key="manual"
        groupId={recovery.groupId}
        base={base}
        source={{ kind: "manual" }}
      />
    );
  }
  if (!attempt) return null;
  return (
    <FixDraftReview
      key={attempt.id}
      groupId={recovery.groupId}
      base={base}
      source={{ kind: "proposal", attempt }}
    />
  );
}

type Draft = {
  /** The saved draft: what preview and deploy use. */
  code: string;
  report: VerificationReport | null;
  /** The code the report passed for; deploy needs it to be the saved draft. */
  verifiedCode: string | null;
  /** Bumped on every save, so a preview of older code is dropped. */
  revision: number;
};

function initialDraft(source: DraftSource, base: BaseCode): Draft {
  if (source.kind === "manual") {
    return { code: base.code, report: null, verifiedCode: null, revision: 0 };
  }
  const { attempt } = source;
  const code = attempt.proposedCode ?? "";
  return {
    code,
    report: attempt.verification?.final ?? null,
    verifiedCode: attempt.verification?.passed ? code : null,
    revision: 0,
  };
}

function FixDraftReview({
  groupId,
  base,
  source,
}: {
  groupId: string;
  base: BaseCode;
  source: DraftSource;
}) {
  const { manualDraftRequest, closeManualDraft } = useFixReview();
  const isManual = source.kind === "manual";
  const attempt = source.kind === "proposal" ? source.attempt : null;
  const [draft, setDraft] = useState(() => initialDraft(source, base));
  // A manual fix starts in the editor: there is nothing to review before the first edit.
  const [isEditing, setIsEditing] = useState(isManual);
  const [editorCode, setEditorCode] = useState(draft.code);
  const [editorKey, setEditorKey] = useState(0);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [isVerifying, startVerify] = useTransition();
  const [isDeployOpen, setIsDeployOpen] = useState(false);
  const [deployed, setDeployed] = useState<DeployedFix | null>(null);
  const [dismissError, setDismissError] = useState<string | null>(null);
  const [isDismissing, startDismiss] = useTransition();
  const sectionRef = useRef<HTMLElement>(null);
  const deployButtonRef = useRef<HTMLButtonElement>(null);
  const deployResultRef = useRef<HTMLDivElement>(null);
  const verificationTitleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const deployHintId = useId();

  // Every "Write a fix yourself" brings the workspace into view, phones included.
  useEffect(() => {
    if (isManual && manualDraftRequest > 0) {
      sectionRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    }
  }, [isManual, manualDraftRequest]);

  const isVerified = draft.verifiedCode === draft.code && draft.report?.passed === true;
  const isDeployed = deployed !== null || attempt?.status === "deployed";
  const deployBlocker = isEditing
    ? "Save & verify your edits before deploying."
    : isVerified
      ? null
      : "Deploy is available once this code passes verification (Edit, then Save & verify).";

  function startEditing() {
    setEditorCode(draft.code);
    setEditorKey((key) => key + 1);
    setVerifyError(null);
    setIsEditing(true);
  }

  function cancelEditing() {
    setIsEditing(false);
    setVerifyError(null);
    if (isManual && draft.revision === 0) closeManualDraft();
  }

  function saveAndVerify() {
    const code = editorCode;
    setVerifyError(null);
    startVerify(async () => {
      const result = await verifyFixCodeAction({ groupId, code });
      if (!result.ok) {
        setVerifyError(result.message);
        return;
      }
      setDraft((current) => ({
        code,
        report: result.data,
        verifiedCode: result.data.passed ? code : null,
        revision: current.revision + 1,
      }));
      // A failing draft stays open in the editor beside its report; a passing one
      // closes it, and focus moves to the verdict rather than being lost with it.
      if (result.data.passed) {
        setIsEditing(false);
        window.requestAnimationFrame(() => verificationTitleRef.current?.focus());
      }
    });
  }

  function dismiss() {
    if (!attempt) return;
    setDismissError(null);
    startDismiss(async () => {
      const result = await dismissProposalAction({ attemptId: attempt.id });
      if (!result.ok) {
        setDismissError(result.message);
        return;
      }
      // The workspace goes away with the proposal: focus lands on the panel instead.
      document.getElementById(RECOVERY_PANEL_TITLE_ID)?.focus();
    });
  }

  function handleDeployed(result: DeployedFix) {
    setDeployed(result);
    setIsDeployOpen(false);
  }

  function focusAfterDeployDialog(event: Event) {
    event.preventDefault();
    window.requestAnimationFrame(() => {
      (deployResultRef.current ?? deployButtonRef.current)?.focus();
    });
  }

  const newTitle = isManual ? "Your fix" : "Proposed fix";
  return (
    <section
      ref={sectionRef}
      id="fix-workspace"
      aria-labelledby={titleId}
      className="scroll-mt-20"
      data-testid="fix-workspace"
      data-source={source.kind}
    >
      <Card className="border-primary/40">
        <CardHeader className="pb-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="flex min-w-0 flex-col gap-1.5">
              <CardTitle id={titleId}>{newTitle}</CardTitle>
              <CardDescription>
                {isManual
                  ? `Edit version ${base.version}, verify it in the sandbox, preview it, then deploy.`
                  : `Written by ${attempt?.model ?? "the model"} from version ${base.version} and verified in the sandbox.`}
              </CardDescription>
            </div>
            <StatusBadge isDeployed={isDeployed} isVerified={isVerified} report={draft.report} />
          </div>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {deployed ? <DeployResult ref={deployResultRef} deployed={deployed} /> : null}
          {isEditing ? (
            <div className="flex flex-col gap-3" data-testid="fix-editor">
              <CodeEditor
                key={editorKey}
                initialCode={draft.code}
                language="javascript"
                ariaLabel={`Fix for version ${base.version}, editable`}
                height={Math.max(codeViewerHeight(draft.code), MIN_EDITOR_HEIGHT)}
                onChange={setEditorCode}
                isAutoFocused
              />
              {verifyError ? (
                <p role="alert" className={alertClass} data-testid="verify-error">
                  {verifyError}
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button
                  onClick={saveAndVerify}
                  disabled={isVerifying}
                  aria-busy={isVerifying || undefined}
                  data-testid="save-verify"
                >
                  {isVerifying ? (
                    <LoaderCircle aria-hidden="true" className="animate-spin" />
                  ) : (
                    <CheckCircle2 aria-hidden="true" />
                  )}
                  {isVerifying ? "Verifying…" : "Save & verify"}
                </Button>
                <Button variant="outline" onClick={cancelEditing} disabled={isVerifying}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <div data-testid="fix-diff">
              <CodeDiff
                oldCode={base.code}
                newCode={draft.code}
                oldTitle={`v${base.version} (current)`}
                newTitle={draft.revision > 0 && !isManual ? "Proposed fix, edited" : newTitle}
                label={`Changes from version ${base.version} to ${newTitle.toLowerCase()}`}
              />
            </div>
          )}
          {attempt && draft.revision === 0 ? <ProposalExplanation attempt={attempt} /> : null}
          <section aria-label="Verification" className="flex flex-col gap-2">
            <h3
              ref={verificationTitleRef}
              tabIndex={-1}
              className="text-sm font-semibold outline-none"
            >
              Verification
            </h3>
            {draft.report ? (
              <VerificationReportView report={draft.report} />
            ) : (
              <p className="text-sm text-muted-foreground" data-testid="verification-pending">
                Not verified yet. Save & verify runs the code on the failing input and on recent
                ones in the sandbox.
              </p>
            )}
          </section>
          <FixPreviewSection
            key={draft.revision}
            groupId={groupId}
            code={draft.code}
            disabledReason={isEditing ? "Save your edits to preview them." : null}
          />
          {isDeployed ? null : (
            <div className="flex flex-col gap-2 border-t border-border pt-4">
              <div className="flex flex-wrap gap-2">
                {isEditing ? null : (
                  <Button variant="outline" onClick={startEditing} data-testid="edit-fix">
                    <Pencil aria-hidden="true" />
                    Edit
                  </Button>
                )}
                <Button
                  ref={deployButtonRef}
                  onClick={() => setIsDeployOpen(true)}
                  disabled={deployBlocker !== null}
                  aria-describedby={deployBlocker ? deployHintId : undefined}
                  data-testid="deploy-fix"
                >
                  <Rocket aria-hidden="true" />
                  Deploy
                </Button>
                {attempt?.status === "proposed" ? (
                  <Button
                    variant="ghost"
                    onClick={dismiss}
                    disabled={isDismissing}
                    aria-busy={isDismissing || undefined}
                    data-testid="dismiss-fix"
                  >
                    {isDismissing ? (
                      <LoaderCircle aria-hidden="true" className="animate-spin" />
                    ) : (
                      <X aria-hidden="true" />
                    )}
                    Dismiss
                  </Button>
                ) : null}
                {isManual ? (
                  <Button variant="ghost" onClick={closeManualDraft} data-testid="discard-draft">
                    <X aria-hidden="true" />
                    Discard draft
                  </Button>
                ) : null}
              </div>
              {deployBlocker ? (
                <p id={deployHintId} className="text-xs text-muted-foreground">
                  {deployBlocker}
                </p>
              ) : null}
              {dismissError ? (
                <p role="alert" className={alertClass} data-testid="dismiss-error">
                  {dismissError}
                </p>
              ) : null}
            </div>
          )}
        </CardContent>
      </Card>
      <DeployFixDialog
        isOpen={isDeployOpen}
        onOpenChange={setIsDeployOpen}
        groupId={groupId}
        attemptId={attempt?.id ?? null}
        base={base}
        code={draft.code}
        onDeployed={handleDeployed}
        onCloseAutoFocus={focusAfterDeployDialog}
      />
    </section>
  );
}

function StatusBadge({
  isDeployed,
  isVerified,
  report,
}: {
  isDeployed: boolean;
  isVerified: boolean;
  report: VerificationReport | null;
}) {
  if (isDeployed) return <Badge variant="fix_deployed">Deployed</Badge>;
  if (isVerified) {
    return (
      <Badge variant="resolved">
        <CheckCircle2 aria-hidden="true" />
        Verified
      </Badge>
    );
  }
  return (
    <Badge variant={report ? "runtime" : "outline"}>
      <CircleDashed aria-hidden="true" />
      {report ? "Not verified" : "Not verified yet"}
    </Badge>
  );
}
