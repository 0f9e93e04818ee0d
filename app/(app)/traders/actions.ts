"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { setTraderPaused } from "@/lib/traders/set-trader-paused";

const traderInput = z.object({ traderId: z.uuid() });

function revalidateTrader(traderId: string) {
  revalidatePath("/traders");
  revalidatePath(`/traders/${traderId}`);
}

export const pauseTraderAction = userAction(traderInput, async ({ user, input }) => {
  const trader = await setTraderPaused({ userId: user.id, traderId: input.traderId, paused: true });
  revalidateTrader(trader.id);
  return trader;
});

export const resumeTraderAction = userAction(traderInput, async ({ user, input }) => {
  const trader = await setTraderPaused({
    userId: user.id,
    traderId: input.traderId,
    paused: false,
  });
  revalidateTrader(trader.id);
  return trader;
});
