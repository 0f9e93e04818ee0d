"use client";

import { type FormEvent, useId, useState } from "react";
import { type TriageStatus, triageVerbs } from "@/components/errors/describe-status-change";
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

const maxNoteLength = 2_000;

const consequences: Record<TriageStatus, string> = {
  resolved: "A new event for a resolved group reopens it as a regression.",
  ignored: "Ignored groups stay out of your way; new events are still recorded.",
  unresolved: "The groups go back to unresolved, to be looked at again.",
};

type BulkStatusDialogProps = {
  request: { to: TriageStatus; count: number } | null;
  isPending: boolean;
  // Resolves to an error message to show, or null once done.
  onConfirm: (note: string) => Promise<string | null>;
  onCancel: () => void;
};

export function BulkStatusDialog({
  request,
  isPending,
  onConfirm,
  onCancel,
}: BulkStatusDialogProps) {
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const verb = request ? triageVerbs[request.to].verb : "";
  const groups = request?.count === 1 ? "error group" : "error groups";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const message = await onConfirm(note);
    if (message) {
      setError(message);
      return;
    }
    setNote("");
  }

  return (
    <Dialog
      open={request !== null}
      onOpenChange={(isOpen) => {
        if (isOpen || isPending) return;
        setError(null);
        onCancel();
      }}
    >
      <DialogContent data-testid="bulk-status-dialog">
        <form onSubmit={submit} className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>
              {verb} {request?.count} {groups}?
            </DialogTitle>
            <DialogDescription>{request ? consequences[request.to] : null}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor={noteId}>
              Note <span className="font-normal text-muted-foreground">(optional)</span>
            </Label>
            <textarea
              id={noteId}
              name="note"
              data-testid="bulk-status-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={maxNoteLength}
              rows={3}
              placeholder="Why? Shown in each group's activity."
              className="w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40"
            />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <DialogConfirmFooter isPending={isPending} testId="confirm-bulk-status">
            {verb}
          </DialogConfirmFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
