"use client";

import { Rocket } from "lucide-react";
import { useId, useRef, useState, useTransition } from "react";
import { deployFixAction } from "@/app/(app)/errors/[id]/fix-actions";
import { CodeDiff } from "@/components/code/code-diff";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DialogConfirmFooter } from "@/components/ui/dialog-confirm-footer";
import { FormAlert } from "@/components/ui/form-alert";
import { Label } from "@/components/ui/label";

type DeployFixActionResult = Awaited<ReturnType<typeof deployFixAction>>;
export type DeployedFix = Extract<DeployFixActionResult, { ok: true }>["data"];

const NOTE_MAX_LENGTH = 500;

export type DeployFixDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  groupId: string;
  /** Set when the code is (based on) an AI proposal, so the deploy is credited to it. */
  attemptId: string | null;
  base: { version: number; code: string };
  code: string;
  onDeployed: (deployed: DeployedFix) => void;
  /** Where focus goes when the dialog closes after a deploy (the trigger may be gone). */
  onCloseAutoFocus: (event: Event) => void;
};

// The last look before a deploy: exactly the diff that goes live, an optional note, and
// the action's refusal in place if it fails.
export function DeployFixDialog({
  isOpen,
  onOpenChange,
  groupId,
  attemptId,
  base,
  code,
  onDeployed,
  onCloseAutoFocus,
}: DeployFixDialogProps) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const noteId = useId();
  const noteHintId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);

  function deploy() {
    setError(null);
    startTransition(async () => {
      const result = await deployFixAction({
        groupId,
        code,
        ...(attemptId ? { attemptId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setNote("");
      onDeployed(result.data);
    });
  }

  return (
    <Dialog
      open={isOpen}
      onOpenChange={(next) => {
        if (isPending) return;
        if (!next) setError(null);
        onOpenChange(next);
      }}
    >
      <DialogContent
        className="max-w-5xl"
        data-testid="deploy-dialog"
        onCloseAutoFocus={onCloseAutoFocus}
        // Radix would focus the diff's first fold button; the note is the first thing to fill.
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          noteRef.current?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>Deploy this fix?</DialogTitle>
          <DialogDescription>
            Executors pick up the new version on their next fetch. This error is then watched for
            recurrences.
          </DialogDescription>
        </DialogHeader>
        <CodeDiff
          oldCode={base.code}
          newCode={code}
          oldTitle={`v${base.version} (now)`}
          newTitle="After the deploy"
          label={`Changes deployed on top of version ${base.version}`}
        />
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            deploy();
          }}
          noValidate
        >
          <div className="flex flex-col gap-2">
            <Label htmlFor={noteId}>
              Note <span className="font-normal text-muted-foreground">(optional)</span>
            </Label>
            <textarea
              ref={noteRef}
              id={noteId}
              rows={2}
              maxLength={NOTE_MAX_LENGTH}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-describedby={noteHintId}
              className="w-full min-w-0 resize-y rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40"
              placeholder="e.g. Guard against short candle histories"
              data-testid="deploy-note"
            />
            <p id={noteHintId} className="text-xs text-muted-foreground">
              Saved with the new version.
            </p>
          </div>
          {error ? <FormAlert testId="deploy-error">{error}</FormAlert> : null}
          <DialogConfirmFooter
            isPending={isPending}
            icon={<Rocket aria-hidden="true" />}
            testId="confirm-deploy"
          >
            Deploy
          </DialogConfirmFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
