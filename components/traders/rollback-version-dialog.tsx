"use client";

import { Undo2 } from "lucide-react";
import { type FormEvent, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { rollbackTraderAction } from "@/app/(app)/traders/actions";
import { CodeDiff } from "@/components/code/code-diff";
import {
  useVersionCode,
  type VersionCode,
  type VersionCodeState,
} from "@/components/traders/version-history-code-loader";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { DialogConfirmFooter } from "@/components/ui/dialog-confirm-footer";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";

const MAX_REASON_LENGTH = 500;

type RollbackVersionDialogProps = {
  traderId: string;
  target: { id: string; version: number; isActive: boolean };
  // What runs now: the left side of the diff. Null when the trader has no active version.
  active: VersionCode | null;
  // The button disappears once its version is active: focus goes here instead.
  focusAfterRollbackId: string;
};

function RollbackDiff({
  state,
  active,
  targetVersion,
}: {
  state: VersionCodeState;
  active: VersionCode | null;
  targetVersion: number;
}) {
  if (state.status === "error") return <FormAlert>{state.message}</FormAlert>;
  if (state.status !== "loaded") {
    return (
      <div role="status" aria-label={`Loading the code of v${targetVersion}`}>
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  const oldTitle = active ? `v${active.version} (active now)` : "No active version";
  return (
    <CodeDiff
      oldCode={active?.code ?? ""}
      newCode={state.version.code}
      oldTitle={oldTitle}
      newTitle={`v${targetVersion} (after the rollback)`}
      label={`Changes from ${active ? `version ${active.version}` : "no code"} to version ${targetVersion}`}
    />
  );
}

// "Roll back to vN": shows exactly what changes for the executor (active code → vN)
// before anything happens, and asks why, for the deployment audit trail.
export function RollbackVersionDialog({
  traderId,
  target,
  active,
  focusAfterRollbackId,
}: RollbackVersionDialogProps) {
  const reasonId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isRolledBack, setIsRolledBack] = useState(false);
  const [isPending, startTransition] = useTransition();
  const code = useVersionCode({ traderId, versionId: target.id, isEnabled: isOpen });
  const defaultReason = `Manual rollback to v${target.version}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await rollbackTraderAction({
        traderId,
        versionId: target.id,
        reason: reason.trim() || undefined,
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(
        result.data.isKeptPaused
          ? `Rolled back to v${target.version}; the trader stays paused`
          : `Rolled back to v${target.version}`,
      );
      setIsRolledBack(true);
      setReason("");
      setIsOpen(false);
    });
  }

  return (
    <Dialog
      open={isOpen}
      onOpenChange={(next) => {
        if (isPending) return;
        if (next) setIsRolledBack(false);
        else setError(null);
        setIsOpen(next);
      }}
    >
      {/* Rendered (closed) for the active version too, so that the dialog outlives the
          rollback that removes its button and can still move focus on close. */}
      {target.isActive ? null : (
        <DialogTrigger asChild>
          <Button variant="outline" size="sm" data-testid="rollback-button">
            <Undo2 aria-hidden="true" />
            Roll back to v{target.version}
          </Button>
        </DialogTrigger>
      )}
      <DialogContent
        className="max-w-5xl"
        data-testid="rollback-dialog"
        onCloseAutoFocus={(event) => {
          if (!isRolledBack) return;
          event.preventDefault();
          document.getElementById(focusAfterRollbackId)?.focus();
        }}
      >
        <form onSubmit={submit} className="flex min-w-0 flex-col gap-4">
          <DialogHeader>
            <DialogTitle>Roll back to v{target.version}?</DialogTitle>
            <DialogDescription>
              Executors fetch v{target.version} on their next poll. No version is deleted: you can
              roll forward again from this history.
            </DialogDescription>
          </DialogHeader>
          <RollbackDiff state={code} active={active} targetVersion={target.version} />
          <div className="flex flex-col gap-2">
            <Label htmlFor={reasonId}>
              Reason <span className="font-normal text-muted-foreground">(optional)</span>
            </Label>
            <Input
              id={reasonId}
              name="reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={MAX_REASON_LENGTH}
              placeholder={defaultReason}
              data-testid="rollback-reason"
            />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <DialogConfirmFooter
            isPending={isPending}
            isDisabled={code.status !== "loaded"}
            testId="confirm-rollback"
          >
            Roll back to v{target.version}
          </DialogConfirmFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
