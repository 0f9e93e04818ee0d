"use client";

import { LoaderCircle, Pause, Play } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { pauseTraderAction, resumeTraderAction } from "@/app/(app)/traders/actions";
import { Button } from "@/components/ui/button";
import type { TraderState } from "@/lib/generated/prisma/enums";
import { canPauseTrader, canResumeTrader } from "@/lib/traders/trader-pause-rules";

// Pause for a running (or failing) trader, Resume for a paused or disabled one.
export function TraderPauseButton({
  traderId,
  traderName,
  state,
}: {
  traderId: string;
  traderName: string;
  state: TraderState;
}) {
  const [isPending, startTransition] = useTransition();
  const isPause = canPauseTrader(state);
  if (!isPause && !canResumeTrader(state)) return null;

  function toggle() {
    startTransition(async () => {
      const action = isPause ? pauseTraderAction : resumeTraderAction;
      const result = await action({ traderId });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(`“${traderName}” ${isPause ? "paused" : "resumed"}`);
    });
  }

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={toggle}
      disabled={isPending}
      aria-busy={isPending || undefined}
      data-testid={isPause ? "pause-trader" : "resume-trader"}
    >
      {isPending ? (
        <LoaderCircle aria-hidden="true" className="animate-spin" />
      ) : isPause ? (
        <Pause aria-hidden="true" />
      ) : (
        <Play aria-hidden="true" />
      )}
      {isPause ? "Pause" : "Resume"}
      <span className="sr-only"> {traderName}</span>
    </Button>
  );
}
