"use client";

import { BellOff, CheckCircle2, RotateCcw } from "lucide-react";
import { type ReactNode, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { changeErrorGroupStatusAction } from "@/app/(app)/errors/[id]/actions";
import {
  defaultIgnoreDraft,
  type IgnoreDraft,
  IgnoreOptions,
} from "@/components/error-detail/ignore-options";
import { NoteField } from "@/components/error-detail/note-field";
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
import type { IgnoreChoice } from "@/lib/errors/detail/ignore-choice";
import { canTransition } from "@/lib/errors/group-lifecycle";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

type TargetStatus = "resolved" | "unresolved" | "ignored";

const actions: readonly {
  to: TargetStatus;
  label: string;
  icon: ReactNode;
  title: string;
  description: string;
  done: string;
}[] = [
  {
    to: "resolved",
    label: "Resolve",
    icon: <CheckCircle2 aria-hidden="true" />,
    title: "Resolve this error group?",
    description: "A new event after this reopens it as a regression.",
    done: "Error group resolved",
  },
  {
    to: "unresolved",
    label: "Reopen",
    icon: <RotateCcw aria-hidden="true" />,
    title: "Reopen this error group?",
    description: "It goes back to unresolved.",
    done: "Error group reopened",
  },
  {
    to: "ignored",
    label: "Ignore",
    icon: <BellOff aria-hidden="true" />,
    title: "Ignore this error group?",
    description: "New events are still recorded, without notifying you.",
    done: "Error group ignored",
  },
];

function toIgnoreChoice(draft: IgnoreDraft): IgnoreChoice | string {
  if (draft.kind === "forever") return { kind: "forever" };
  if (draft.kind === "duration") return { kind: "duration", hours: draft.hours };
  const count = Number(draft.count);
  if (!Number.isSafeInteger(count) || count < 1)
    return "Enter a whole number of events, at least 1.";
  return { kind: "events", count };
}

// Errors on these fields show beside their input; anything else above the buttons.
function isInlineField(path: string): boolean {
  return path === "note" || path.startsWith("ignore");
}

// The transitions a user may make from here, each confirmed in a dialog with an
// optional note. Only moves the lifecycle allows are offered.
export function StatusControls({ groupId, status }: { groupId: string; status: ErrorGroupStatus }) {
  const [target, setTarget] = useState<TargetStatus | null>(null);
  const [note, setNote] = useState("");
  const [ignoreDraft, setIgnoreDraft] = useState<IgnoreDraft>(defaultIgnoreDraft);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const buttonsRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const available = actions.filter((action) => canTransition(status, action.to));
  const current = actions.find((action) => action.to === target);

  function open(to: TargetStatus, trigger: HTMLButtonElement) {
    triggerRef.current = trigger;
    setNote("");
    setIgnoreDraft(defaultIgnoreDraft);
    setError(null);
    setTarget(to);
  }

  function submit() {
    if (!current) return;
    const ignore = current.to === "ignored" ? toIgnoreChoice(ignoreDraft) : undefined;
    if (typeof ignore === "string") {
      setError({ message: ignore, field: "ignore.count" });
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await changeErrorGroupStatusAction({
        groupId,
        status: current.to,
        note: note.trim() || undefined,
        ignore,
      });
      if (!result.ok) {
        const field = result.fields?.find((candidate) => isInlineField(candidate.path));
        setError(
          field ? { message: field.message, field: field.path } : { message: result.message },
        );
        return;
      }
      toast.success(result.data.isChanged ? current.done : "The status was already set");
      setTarget(null);
    });
  }

  // After a change the button that opened the dialog is usually gone (a resolved group
  // offers no Resolve), so focus falls back to the first action still offered.
  function returnFocus(event: Event) {
    event.preventDefault();
    window.requestAnimationFrame(() => {
      const trigger = triggerRef.current;
      if (trigger?.isConnected) trigger.focus();
      else buttonsRef.current?.querySelector("button")?.focus();
    });
  }

  if (available.length === 0) return null;
  return (
    <>
      <div ref={buttonsRef} className="flex flex-wrap gap-2">
        {available.map((action) => (
          <Button
            key={action.to}
            variant={action.to === "resolved" ? "primary" : "outline"}
            size="sm"
            onClick={(event) => open(action.to, event.currentTarget)}
            data-testid={`status-action-${action.to}`}
          >
            {action.icon}
            {action.label}
          </Button>
        ))}
      </div>
      <Dialog
        open={target !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen && !isPending) setTarget(null);
        }}
      >
        <DialogContent data-testid="status-dialog" onCloseAutoFocus={returnFocus}>
          <DialogHeader>
            <DialogTitle>{current?.title}</DialogTitle>
            <DialogDescription>{current?.description}</DialogDescription>
          </DialogHeader>
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            noValidate
          >
            {current?.to === "ignored" ? (
              <IgnoreOptions
                draft={ignoreDraft}
                onChange={setIgnoreDraft}
                countError={error?.field?.startsWith("ignore") ? error.message : undefined}
              />
            ) : null}
            <NoteField
              value={note}
              onChange={setNote}
              error={error?.field === "note" ? error.message : undefined}
            />
            {error && !error.field ? <FormAlert>{error.message}</FormAlert> : null}
            <DialogConfirmFooter isPending={isPending} testId="confirm-status-change">
              {current?.label}
            </DialogConfirmFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
