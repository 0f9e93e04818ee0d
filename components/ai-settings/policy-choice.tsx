import type { RegenerationPolicy } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils/cn";

const policyOptions: readonly { value: RegenerationPolicy; label: string; description: string }[] =
  [
    {
      value: "off",
      label: "Off",
      description: "Fixes are generated only when you ask for one on an error.",
    },
    {
      value: "compile_runtime",
      label: "Code errors",
      description:
        "Compilation and runtime errors get a fix automatically; timeouts and panics wait for you.",
    },
    {
      value: "all",
      label: "All errors",
      description: "Every new or regressed error gets a fix automatically.",
    },
  ];

type PolicyChoiceProps = {
  value: RegenerationPolicy;
  onChange: (value: RegenerationPolicy) => void;
};

// Native radios drawn as cards: arrow keys and screen readers work as for any radio group.
export function PolicyChoice({ value, onChange }: PolicyChoiceProps) {
  return (
    <fieldset className="flex flex-col gap-3 px-4 py-4 sm:px-6">
      <legend className="sr-only">When to generate fixes automatically</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {policyOptions.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer flex-col gap-1 rounded-lg border border-border bg-card p-3 transition-colors hover:bg-subtle",
              "has-checked:border-primary has-checked:bg-primary/5",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring",
            )}
          >
            <span className="flex items-center gap-2 text-sm font-medium text-foreground">
              <input
                type="radio"
                name="regenerationPolicy"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className="size-4 accent-primary"
                data-testid={`ai-policy-${option.value}`}
              />
              {option.label}
            </span>
            <span className="text-sm text-muted-foreground">{option.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
