import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type NumberSettingProps = {
  id: string;
  label: string;
  description: string;
  unit: string;
  value: string;
  min: number;
  max: number;
  error: string | undefined;
  onChange: (value: string) => void;
};

// A labelled whole-number input: its hint and its error are read with it.
export function NumberSetting({
  id,
  label,
  description,
  unit,
  value,
  min,
  max,
  error,
  onChange,
}: NumberSettingProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-2 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6 sm:px-6">
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={hintId} className="text-sm text-muted-foreground">
          {description}
        </p>
      </div>
      <div className="flex shrink-0 flex-col gap-1 sm:w-44">
        <div className="flex items-center gap-2">
          <Input
            id={id}
            name={id}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            className="tabular-nums"
            data-testid={`ai-setting-${id}`}
          />
          <span className="w-16 shrink-0 text-sm text-muted-foreground">{unit}</span>
        </div>
        {error ? (
          <p id={errorId} className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
