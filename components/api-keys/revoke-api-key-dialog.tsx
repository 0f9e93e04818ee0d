"use client";

import { LoaderCircle } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

export type RevokeTarget = { id: string; name: string };

type RevokeApiKeyDialogProps = {
  target: RevokeTarget | null;
  onClose: (outcome: "revoked" | "cancelled") => void;
  // Radix would return focus to a DialogTrigger; rows open this dialog without one.
  onCloseAutoFocus: (event: Event) => void;
};

// One dialog for the whole table, so it stays mounted while the revoked row re-renders
// without its button; the table decides where focus goes afterwards.
export function RevokeApiKeyDialog({ target, onClose, onCloseAutoFocus }: RevokeApiKeyDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function revoke(keyId: string, name: string) {
    setError(null);
    startTransition(async () => {
      const result = await revokeApiKeyAction({ keyId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(`API key “${name}” revoked`);
      onClose("revoked");
    });
  }

  return (
    <Dialog
      open={target !== null}
      onOpenChange={(isOpen) => {
        if (isOpen || isPending) return;
        setError(null);
        onClose("cancelled");
      }}
    >
      <DialogContent
        role="alertdialog"
        onCloseAutoFocus={onCloseAutoFocus}
        data-testid="revoke-api-key-dialog"
      >
        <DialogHeader>
          <DialogTitle>Revoke “{target?.name}”?</DialogTitle>
          <DialogDescription>
            Executors using this key are refused (401) from now on. This can&apos;t be undone:
            create a new key to replace it.
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <div
            role="alert"
            className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
          >
            {error}
          </div>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={isPending || target === null}
            aria-busy={isPending || undefined}
            onClick={() => target && revoke(target.id, target.name)}
            data-testid="confirm-revoke-api-key"
          >
            {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
            Revoke key
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
