import { Badge } from "@/components/ui/badge";
import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

export const errorGroupStatusLabels: Record<ErrorGroupStatus, string> = {
  unresolved: "Unresolved",
  resolved: "Resolved",
  regressed: "Regressed",
  ignored: "Ignored",
  fix_proposed: "Fix proposed",
  fix_deployed: "Fix deployed",
};

export function ErrorGroupStatusBadge({ status }: { status: ErrorGroupStatus }) {
  return (
    <Badge variant={status} hasDot data-status={status}>
      {errorGroupStatusLabels[status]}
    </Badge>
  );
}
