"use client";

import { LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";

type DialogConfirmFooterProps = {
  children: ReactNode;
  isPending: boolean;
  // Without onConfirm the confirm button submits the dialog's form.
  onConfirm?: () => void;
  isDisabled?: boolean;
  variant?: ButtonProps["variant"];
  // Shown before the label while nothing is pending.
  icon?: ReactNode;
  testId: string;
};

/** Cancel and a confirm button that shows a spinner and blocks both while the action runs. */
export function DialogConfirmFooter({
  children,
  isPending,
  onConfirm,
  isDisabled = false,
  variant,
  icon = null,
  testId,
}: DialogConfirmFooterProps) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="outline" disabled={isPending}>
          Cancel
        </Button>
      </DialogClose>
      <Button
        type={onConfirm ? "button" : "submit"}
        onClick={onConfirm}
        variant={variant}
        disabled={isPending || isDisabled}
        aria-busy={isPending || undefined}
        data-testid={testId}
      >
        {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : icon}
        {children}
      </Button>
    </DialogFooter>
  );
}
