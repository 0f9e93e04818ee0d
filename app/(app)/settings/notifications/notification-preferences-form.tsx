"use client";

import { LoaderCircle } from "lucide-react";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { updateNotificationPreferencesAction } from "@/app/(app)/settings/notifications/actions";
import {
  immediateKinds,
  notificationKindOptions,
} from "@/app/(app)/settings/notifications/notification-kind-options";
import { NotificationKindIcon } from "@/components/notifications/notification-kind-icon";
import { Button } from "@/components/ui/button";
import { type DeliveryPreference, NotificationKind } from "@/lib/generated/prisma/enums";
import type { NotificationPreferences } from "@/lib/notifications/notification-preferences";
import { cn } from "@/lib/utils/cn";

type Choice = { value: DeliveryPreference; label: string };

const kindChoices: readonly Choice[] = [
  { value: "immediate", label: "Right away" },
  { value: "digest", label: "Daily digest" },
  { value: "off", label: "Off" },
];

const digestChoices: readonly Choice[] = [
  { value: "immediate", label: "On" },
  { value: "off", label: "Off" },
];

type PreferenceRowProps = {
  kind: NotificationKind;
  description: string;
  choices: readonly Choice[];
  value: DeliveryPreference;
  onChange: (value: DeliveryPreference) => void;
};

// A radio group drawn as a segmented control: native radios keep arrow-key
// navigation and screen-reader semantics.
function PreferenceRow({ kind, description, choices, value, onChange }: PreferenceRowProps) {
  const { label } = notificationKindOptions[kind];
  return (
    <fieldset
      className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6"
      data-testid={`preference-${kind}`}
    >
      <div className="flex min-w-0 items-start gap-3">
        <NotificationKindIcon kind={kind} className="mt-0.5" />
        <div className="flex min-w-0 flex-col gap-0.5">
          <legend className="text-sm font-medium text-foreground">{label}</legend>
          <p className="text-sm text-muted-foreground">{description}</p>
        </div>
      </div>
      <div className="inline-flex w-full shrink-0 rounded-md border border-input bg-card p-0.5 sm:w-auto">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={cn(
              "flex flex-1 cursor-pointer items-center justify-center whitespace-nowrap rounded-[5px] px-3 py-1.5 text-[13px] font-medium text-muted-foreground transition-colors hover:text-foreground sm:flex-none",
              "has-checked:bg-primary has-checked:text-primary-foreground",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-ring",
            )}
          >
            <input
              type="radio"
              name={kind}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="sr-only"
              data-testid={`preference-${kind}-${choice.value}`}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type NotificationPreferencesFormProps = {
  initial: NotificationPreferences;
  digestHourUtc: number;
  throttleMinutes: number;
};

export function NotificationPreferencesForm({
  initial,
  digestHourUtc,
  throttleMinutes,
}: NotificationPreferencesFormProps) {
  const [saved, setSaved] = useState(initial);
  const [preferences, setPreferences] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isDirty = Object.values(NotificationKind).some((kind) => preferences[kind] !== saved[kind]);

  function choose(kind: NotificationKind, value: DeliveryPreference) {
    setPreferences((current) => ({ ...current, [kind]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await updateNotificationPreferencesAction({
        ...preferences,
        // The digest row only offers on/off; narrow the type the action expects.
        daily_digest: preferences.daily_digest === "off" ? "off" : "immediate",
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setSaved(result.data);
      setPreferences(result.data);
      toast.success("Notification emails saved");
    });
  }

  const hour = `${String(digestHourUtc).padStart(2, "0")}:00 UTC`;

  return (
    <form onSubmit={handleSubmit} aria-label="Notification emails" className="flex flex-col gap-4">
      <div className="divide-y divide-border rounded-xl border border-border bg-card shadow-sm">
        {immediateKinds.map((kind) => (
          <PreferenceRow
            key={kind}
            kind={kind}
            description={notificationKindOptions[kind].description}
            choices={kindChoices}
            value={preferences[kind]}
            onChange={(value) => choose(kind, value)}
          />
        ))}
        <PreferenceRow
          kind="daily_digest"
          description={`Sent at ${hour} with the notifications set to the daily digest, and those held back because the same error already emailed you in the last ${throttleMinutes} minutes.`}
          choices={digestChoices}
          value={preferences.daily_digest}
          onChange={(value) => choose("daily_digest", value)}
        />
      </div>
      {error ? (
        <div
          role="alert"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
        >
          {error}
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button
          type="submit"
          disabled={isPending || !isDirty}
          aria-busy={isPending || undefined}
          data-testid="save-notification-preferences"
        >
          {isPending ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
          Save
        </Button>
        {isDirty ? (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            You have unsaved changes.
          </p>
        ) : null}
      </div>
    </form>
  );
}
