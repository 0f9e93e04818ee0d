"use client";

import { ShieldCheck, ShieldOff } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setUserRoleAction } from "@/app/admin/users/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DialogConfirmFooter } from "@/components/ui/dialog-confirm-footer";
import { FormAlert } from "@/components/ui/form-alert";
import type { UserRole } from "@/lib/generated/prisma/enums";

type UserRoleControlProps = {
  user: { id: string; email: string; role: UserRole };
  isSelf: boolean;
};

// Promote or demote, confirmed in a dialog: the last-admin rule is enforced on the
// server (set-user-role.ts), and its refusal is shown here.
export function UserRoleControl({ user, isSelf }: UserRoleControlProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const to: UserRole = user.role === "admin" ? "trader" : "admin";
  const label = to === "admin" ? "Make admin" : "Remove admin";

  function confirm() {
    setError(null);
    startTransition(async () => {
      const result = await setUserRoleAction({ userId: user.id, role: to }).catch(() => null);
      if (!result) {
        setError("Faultline could not be reached. Try again.");
        return;
      }
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(
        to === "admin" ? `${user.email} is now an admin` : `${user.email} is now a trader`,
      );
      setIsOpen(false);
    });
  }

  return (
    <>
      <Button
        size="sm"
        variant="outline"
        onClick={() => {
          setError(null);
          setIsOpen(true);
        }}
        data-testid="change-role"
      >
        {to === "admin" ? <ShieldCheck aria-hidden="true" /> : <ShieldOff aria-hidden="true" />}
        {label}
        <span className="sr-only"> for {user.email}</span>
      </Button>
      <Dialog
        open={isOpen}
        onOpenChange={(open) => {
          if (!open && !isPending) setIsOpen(false);
        }}
      >
        <DialogContent data-testid="role-dialog">
          <DialogHeader>
            <DialogTitle>
              {to === "admin" ? `Make ${user.email} an admin?` : `Remove admin from ${user.email}?`}
            </DialogTitle>
            <DialogDescription>
              {to === "admin"
                ? "Admins see every user's traders and errors, and Faultline's own failures."
                : isSelf
                  ? "You lose access to the admin console as soon as this is saved."
                  : "They keep their own traders and errors, and lose the admin console."}
            </DialogDescription>
          </DialogHeader>
          {error ? <FormAlert testId="role-error">{error}</FormAlert> : null}
          <DialogConfirmFooter
            isPending={isPending}
            onConfirm={confirm}
            variant={to === "admin" ? "primary" : "destructive"}
            testId="confirm-role"
          >
            {label}
          </DialogConfirmFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
