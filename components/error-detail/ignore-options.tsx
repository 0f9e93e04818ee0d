import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ignoreDurations, MAX_IGNORE_EVENTS } from "@/lib/errors/detail/ignore-choice";

export type IgnoreKind = "forever" | "duration" | "events";

export type IgnoreDraft = { kind: IgnoreKind; hours: number; count: string };

export const defaultIgnoreDraft: IgnoreDraft = {
  kind: "forever",
  hours: ignoreDurations[2].hours,
  count: "100",
};

// Forever, for a while, or until more events arrive: radio choices, each with its input.
export function IgnoreOptions({
  draft,
  onChange,
  countError,
}: {
  draft: IgnoreDraft;
  onChange: (draft: IgnoreDraft) => void;
  countError?: string;
}) {
  const name = useId();
  const hoursId = useId();
  const countId = useId();
  const countErrorId = useId();
  const radioClass = "size-4 accent-primary";
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">Ignore</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name={name}
          className={radioClass}
          checked={draft.kind === "forever"}
          onChange={() => onChange({ ...draft, kind: "forever" })}
          data-testid="ignore-forever"
        />
        Forever
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={name}
            className={radioClass}
            checked={draft.kind === "duration"}
            onChange={() => onChange({ ...draft, kind: "duration" })}
            data-testid="ignore-duration"
          />
          For
        </label>
        <div className="w-36">
          <Select
            id={hoursId}
            aria-label="Ignore for"
            value={draft.hours}
            disabled={draft.kind !== "duration"}
            onChange={(event) => onChange({ ...draft, hours: Number(event.target.value) })}
          >
            {ignoreDurations.map((duration) => (
              <option key={duration.hours} value={duration.hours}>
                {duration.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={name}
              className={radioClass}
              checked={draft.kind === "events"}
              onChange={() => onChange({ ...draft, kind: "events" })}
              data-testid="ignore-events"
            />
            Until
          </label>
          <Input
            id={countId}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_IGNORE_EVENTS}
            aria-label="Number of more events"
            className="w-28"
            value={draft.count}
            disabled={draft.kind !== "events"}
            onChange={(event) => onChange({ ...draft, count: event.target.value })}
            aria-invalid={countError ? true : undefined}
            aria-describedby={countError ? countErrorId : undefined}
            data-testid="ignore-events-count"
          />
          <span className="text-sm">more events</span>
        </div>
        {countError ? (
          <p id={countErrorId} className="text-xs text-destructive">
            {countError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
