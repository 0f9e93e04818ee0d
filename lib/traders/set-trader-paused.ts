import { getDb } from "@/lib/db";
import type { TraderState } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { getTraderOrThrow } from "@/lib/traders/get-trader-or-throw";
import {
  canPauseTrader,
  canResumeTrader,
  pauseRefusal,
  resumeRefusal,
} from "@/lib/traders/trader-pause-rules";

export type SetTraderPausedOptions = { userId: string; traderId: string; paused: boolean };

// Pause stops a trader from being scheduled; resume puts it back to running.
export async function setTraderPaused({
  userId,
  traderId,
  paused,
}: SetTraderPausedOptions): Promise<{ id: string; name: string; state: TraderState }> {
  const trader = await getTraderOrThrow({ id: traderId, userId });
  if (paused && !canPauseTrader(trader.state)) {
    throw new AppError("conflict", pauseRefusal(trader.state));
  }
  if (!paused && !canResumeTrader(trader.state)) {
    throw new AppError("conflict", resumeRefusal(trader.state));
  }
  const state: TraderState = paused ? "paused" : "running";
  // Guarded on the state we read: if ingest flipped running → error in between,
  // nothing is written and the user retries against what is there now.
  const updated = await getDb().trader.updateMany({
    where: { id: trader.id, userId, state: trader.state },
    data: { state },
  });
  if (updated.count !== 1) throw new AppError("conflict", "The trader changed meanwhile; retry.");
  return { id: trader.id, name: trader.name, state };
}
