"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { setTraderAutoRollback } from "@/lib/traders/set-trader-auto-rollback";

const autoRollbackInput = z.object({ traderId: z.uuid(), enabled: z.boolean() });

// The trader page's "Roll back automatically" switch. Tenant-scoped by the domain
// function: another user's trader answers not_found.
export const setTraderAutoRollbackAction = userAction(
  autoRollbackInput,
  async ({ user, input }) => {
    const trader = await setTraderAutoRollback({
      userId: user.id,
      traderId: input.traderId,
      enabled: input.enabled,
    });
    revalidatePath(`/traders/${trader.id}`);
    return trader;
  },
);
