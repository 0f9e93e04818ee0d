import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export function ErrorsEmptyState() {
  return (
    <EmptyState
      data-testid="errors-empty-state"
      icon={<Inbox />}
      title={
        <>
          No errors yet — executors report them with{" "}
          <code className="whitespace-nowrap font-mono">POST /api/errors</code>
        </>
      }
      description={
        "When a filter fails to compile, throws, times out or panics on a candle close, its executor reports it with an executor API key. Failures with the same cause are grouped here."
      }
    />
  );
}
