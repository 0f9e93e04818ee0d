"use client";

import { LoaderCircle, ShieldCheck, ShieldOff } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setUserRoleAction } from "@/app/admin/users/actions";
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
          {error ? (
            <div
              role="alert"
              data-testid="role-error"
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
              onClick={confirm}
              disabled={isPending}
              aria-busy={isPending || undefined}
              variant={to === "admin" ? "primary" : "destructive"}
              data-testid="confirm-role"
            >
              {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
              {label}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
