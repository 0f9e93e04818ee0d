"use client";

import { LoaderCircle, TriangleAlert } from "lucide-react";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { updateAiSettingsAction } from "@/app/(app)/settings/ai/actions";
import { NumberSetting } from "@/components/ai-settings/number-setting";
import { PolicyChoice } from "@/components/ai-settings/policy-choice";
import { Button } from "@/components/ui/button";
import {
  type AiNumberSetting,
  type AiSettingsValues,
  aiSettingsBounds,
} from "@/lib/regeneration/ai-settings-schema";

type NumberField = { key: AiNumberSetting; label: string; description: string; unit: string };

const limitFields: readonly NumberField[] = [
  {
    key: "dailyAttemptCap",
    label: "Attempts per day",
    description: "Fix attempts in any 24 hours, requested or automatic. 0 stops AI fixes.",
    unit: "attempts",
  },
  {
    key: "dailyTokenCap",
    label: "Tokens per day",
    description: "Tokens sent to and received from the model in any 24 hours.",
    unit: "tokens",
  },
  {
    key: "groupAttemptCap",
    label: "Attempts per error",
    description: "Fix attempts for one error until it regresses again.",
    unit: "attempts",
  },
  {
    key: "groupCooldownMinutes",
    label: "Cooldown per error",
    description: "The wait after an attempt for an error before the next one.",
    unit: "min",
  },
];

const numberKeys = Object.keys(aiSettingsBounds) as AiNumberSetting[];

type Draft = Record<AiNumberSetting, string>;

const toDraft = (settings: AiSettingsValues): Draft =>
  Object.fromEntries(numberKeys.map((key) => [key, String(settings[key])])) as Draft;

type AiSettingsFormProps = {
  initial: AiSettingsValues;
  usage: { attempts: number; tokens: number };
};

export function AiSettingsForm({ initial, usage }: AiSettingsFormProps) {
  const [saved, setSaved] = useState(initial);
  const [policy, setPolicy] = useState(initial.regenerationPolicy);
  const [autoDeploy, setAutoDeploy] = useState(initial.autoDeploy);
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const savedDraft = toDraft(saved);
  const isDirty =
    policy !== saved.regenerationPolicy ||
    autoDeploy !== saved.autoDeploy ||
    numberKeys.some((key) => draft[key] !== savedDraft[key]);

  const numberField = (field: NumberField) => (
    <NumberSetting
      key={field.key}
      id={field.key}
      label={field.label}
      description={field.description}
      unit={field.unit}
      value={draft[field.key]}
      min={aiSettingsBounds[field.key].min}
      max={aiSettingsBounds[field.key].max}
      error={fieldErrors[field.key]}
      onChange={(value) => setDraft((current) => ({ ...current, [field.key]: value }))}
    />
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    // An empty field becomes NaN, which the schema names as "must be a number".
    const numbers = Object.fromEntries(
      numberKeys.map((key) => [key, draft[key].trim() === "" ? Number.NaN : Number(draft[key])]),
    ) as Record<AiNumberSetting, number>;
    startTransition(async () => {
      const result = await updateAiSettingsAction({
        ...numbers,
        regenerationPolicy: policy,
        autoDeploy,
      });
      if (!result.ok) {
        setError(result.message);
        setFieldErrors(
          Object.fromEntries((result.fields ?? []).map((field) => [field.path, field.message])),
        );
        return;
      }
      setSaved(result.data);
      setDraft(toDraft(result.data));
      toast.success("AI settings saved");
    });
  }

  return (
    // noValidate: the server's messages (the same bounds) show inline, beside each field.
    <form
      onSubmit={handleSubmit}
      noValidate
      aria-label="AI fix settings"
      className="flex flex-col gap-6"
    >
      <section aria-labelledby="ai-automation" className="flex flex-col gap-2">
        <h2 id="ai-automation" className="text-sm font-semibold text-foreground">
          Automatic fixes
        </h2>
        <div className="divide-y divide-border rounded-xl border border-border bg-card shadow-sm">
          <PolicyChoice value={policy} onChange={setPolicy} />
          {numberField({
            key: "autoTriggerMinEvents",
            label: "Start after",
            description:
              "Events an error needs before a fix is generated for it automatically, so one-off glitches cost nothing.",
            unit: "events",
          })}
        </div>
      </section>

      <section aria-labelledby="ai-limits" className="flex flex-col gap-2">
        <h2 id="ai-limits" className="text-sm font-semibold text-foreground">
          Limits
        </h2>
        <p className="text-sm text-muted-foreground" data-testid="ai-usage-today">
          Last 24 hours: {usage.attempts.toLocaleString("en-US")} attempts,{" "}
          {usage.tokens.toLocaleString("en-US")} tokens.
        </p>
        <div className="divide-y divide-border rounded-xl border border-border bg-card shadow-sm">
          {limitFields.map(numberField)}
        </div>
      </section>

      <section aria-labelledby="ai-deploy" className="flex flex-col gap-2">
        <h2 id="ai-deploy" className="text-sm font-semibold text-foreground">
          Deploying fixes
        </h2>
        <div className="divide-y divide-border rounded-xl border border-border bg-card shadow-sm">
          <div className="flex flex-col gap-3 px-4 py-4 sm:px-6">
            <label className="flex cursor-pointer items-start gap-3">
              <input
                type="checkbox"
                checked={autoDeploy}
                onChange={(event) => setAutoDeploy(event.target.checked)}
                aria-describedby="auto-deploy-warning"
                className="mt-0.5 size-4 shrink-0 accent-primary"
                data-testid="ai-auto-deploy"
              />
              <span className="flex flex-col gap-1">
                <span className="text-sm font-medium text-foreground">
                  Deploy automatic fixes without review
                </span>
                <span className="text-sm text-muted-foreground">
                  A fix generated automatically that passed verification becomes the trader's active
                  version at once. Fixes you request still wait for your review.
                </span>
              </span>
            </label>
            <p
              id="auto-deploy-warning"
              className="flex gap-2 rounded-md border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-900 dark:text-amber-100"
            >
              <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              Verification runs the fix on recorded and synthetic market data; it cannot prove the
              strategy still trades as you intend. Leave this off unless a paused trader costs you
              more than a wrong trade.
            </p>
          </div>
          {numberField({
            key: "watchMinutes",
            label: "Watch window",
            description:
              "After a deploy, the error is watched this long; if it comes back, it counts as a regression.",
            unit: "min",
          })}
          {numberField({
            key: "watchExecutions",
            label: "Clean executions",
            description:
              "The watch ends after this many clean executions of the new version or the watch window, whichever comes first. 0 uses only the window.",
            unit: "runs",
          })}
        </div>
      </section>

      {error ? (
        <div
          role="alert"
          data-testid="ai-settings-error"
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
          data-testid="save-ai-settings"
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
