"use client";

import { type FormEvent, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { resolveSystemErrorsAction } from "@/app/admin/errors/actions";
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
import { countOf } from "@/lib/utils/count-of";

const maxNotesLength = 2_000;

type ResolveSystemErrorsDialogProps = {
  // The errors to resolve; the dialog is open while this is non-empty.
  ids: string[];
  onClose: () => void;
  // Called with the ids that are resolved now (by this call or someone earlier).
  onResolved?: (doneIds: string[]) => void;
};

// One dialog for single and bulk resolve: a note is required, so the next admin can see
// what was done about each failure.
export function ResolveSystemErrorsDialog({
  ids,
  onClose,
  onResolved,
}: ResolveSystemErrorsDialogProps) {
  const notesId = useId();
  const errorId = useId();
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<{ message: string; isField: boolean } | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!notes.trim()) {
      setError({ message: "Say how the error was resolved.", isField: true });
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await resolveSystemErrorsAction({ ids, notes }).catch(() => null);
      if (!result) {
        setError({ message: "Faultline could not be reached. Try again.", isField: false });
        return;
      }
      if (!result.ok) {
        const field = result.fields?.find((candidate) => candidate.path === "notes");
        setError(
          field
            ? { message: field.message, isField: true }
            : { message: result.message, isField: false },
        );
        return;
      }
      const { resolved, alreadyResolved, notFound } = result.data;
      if (resolved.length > 0)
        toast.success(`Resolved ${countOf(resolved.length, "system error")}`);
      if (alreadyResolved.length > 0) {
        toast.info(
          `${countOf(alreadyResolved.length, "system error")} had already been resolved by someone else`,
        );
      }
      if (notFound.length > 0)
        toast.error(`${countOf(notFound.length, "system error")} no longer exist`);
      onResolved?.([...resolved, ...alreadyResolved, ...notFound]);
      setNotes("");
      onClose();
    });
  }

  return (
    <Dialog
      open={ids.length > 0}
      onOpenChange={(isOpen) => {
        if (isOpen || isPending) return;
        setError(null);
        onClose();
      }}
    >
      <DialogContent data-testid="resolve-dialog">
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Resolve {countOf(ids.length, "system error")}?</DialogTitle>
            <DialogDescription>
              You are recorded as the resolver. A new failure of the same kind is logged as a new
              system error.
            </DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor={notesId}>Resolution notes</Label>
            <textarea
              id={notesId}
              name="notes"
              required
              rows={3}
              maxLength={maxNotesLength}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              aria-invalid={error?.isField ? true : undefined}
              aria-describedby={error?.isField ? errorId : undefined}
              placeholder="e.g. Rotated the Resend key; deliveries resumed."
              data-testid="resolve-notes"
              className="w-full min-w-0 resize-y rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40 aria-invalid:border-destructive"
            />
            {error?.isField ? (
              <p
                id={errorId}
                className="text-xs text-destructive"
                data-testid="resolve-notes-error"
              >
                {error.message}
              </p>
            ) : null}
          </div>
          {error && !error.isField ? <FormAlert>{error.message}</FormAlert> : null}
          <DialogConfirmFooter isPending={isPending} testId="confirm-resolve">
            Resolve
          </DialogConfirmFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
