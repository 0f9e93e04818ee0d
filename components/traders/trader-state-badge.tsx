import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TraderState } from "@/lib/generated/prisma/enums";

const stateVariant: Record<TraderState, BadgeVariant> = {
  running: "resolved",
  error: "unresolved",
  paused: "neutral",
  disabled: "outline",
};

export function TraderStateBadge({ state }: { state: TraderState }) {
  return (
    <Badge variant={stateVariant[state]} hasDot className="capitalize">
      {state}
    </Badge>
  );
}
