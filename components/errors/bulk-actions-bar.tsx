import { CheckCircle2, EyeOff, RotateCcw, X } from "lucide-react";
import type { TriageStatus } from "@/components/errors/describe-status-change";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";

type BulkActionsBarProps = {
  selectedCount: number;
  onChoose: (to: TriageStatus) => void;
  onClear: () => void;
  isPending: boolean;
};

const actions: { to: TriageStatus; label: string; Icon: typeof CheckCircle2 }[] = [
  { to: "resolved", label: "Resolve", Icon: CheckCircle2 },
  { to: "ignored", label: "Ignore", Icon: EyeOff },
  { to: "unresolved", label: "Reopen", Icon: RotateCcw },
];

// Always shown, so ticking the first checkbox does not push the rows down under the
// pointer; the actions are enabled once something is selected.
export function BulkActionsBar({
  selectedCount,
  onChoose,
  onClear,
  isPending,
}: BulkActionsBarProps) {
  const hasSelection = selectedCount > 0;
  return (
    <section
      aria-label="Bulk actions"
      data-testid="bulk-actions"
      data-has-selection={hasSelection || undefined}
      className={cn(
        "mb-3 flex min-h-12 flex-wrap items-center gap-2 rounded-lg border px-3 py-2 transition-colors",
        hasSelection ? "border-ring/40 bg-primary/5" : "border-border bg-card",
      )}
    >
      <p className="mr-auto text-sm" aria-live="polite">
        {hasSelection ? (
          <>
            <span data-testid="selected-count" className="font-medium">
              {selectedCount}
            </span>{" "}
            selected
          </>
        ) : (
          <span className="text-muted-foreground">Select groups to resolve, ignore or reopen</span>
        )}
      </p>
      {actions.map(({ to, label, Icon }) => (
        <Button
          key={to}
          size="sm"
          variant="secondary"
          disabled={!hasSelection || isPending}
          onClick={() => onChoose(to)}
        >
          <Icon aria-hidden="true" />
          {label}
        </Button>
      ))}
      {hasSelection ? (
        <Button size="sm" variant="ghost" onClick={onClear} aria-label="Clear selection">
          <X aria-hidden="true" />
          <span className="max-sm:sr-only">Clear</span>
        </Button>
      ) : null}
    </section>
  );
}
