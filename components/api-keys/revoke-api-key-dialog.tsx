"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DialogConfirmFooter } from "@/components/ui/dialog-confirm-footer";
import { FormAlert } from "@/components/ui/form-alert";

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
        {error ? <FormAlert>{error}</FormAlert> : null}
        <DialogConfirmFooter
          isPending={isPending}
          variant="destructive"
          isDisabled={target === null}
          onConfirm={() => target && revoke(target.id, target.name)}
          testId="confirm-revoke-api-key"
        >
          Revoke key
        </DialogConfirmFooter>
      </DialogContent>
    </Dialog>
  );
}
