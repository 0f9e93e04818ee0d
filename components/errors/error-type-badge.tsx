import { Badge } from "@/components/ui/badge";
import type { ExecutionErrorType } from "@/lib/generated/prisma/enums";

export const errorTypeLabels: Record<ExecutionErrorType, string> = {
  compilation: "Compilation",
  runtime: "Runtime",
  timeout: "Timeout",
  panic: "Panic",
};

export function ErrorTypeBadge({ errorType }: { errorType: ExecutionErrorType }) {
  return (
    <Badge variant={errorType} data-error-type={errorType}>
      {errorTypeLabels[errorType]}
    </Badge>
  );
}
