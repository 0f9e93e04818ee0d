import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

export type CreateTraderOptions = {
  userId: string;
  name: string;
  description?: string;
  code: string;
};

// A trader never exists without code: version 1 is created and activated with it.
export async function createTrader(db: Db, options: CreateTraderOptions) {
  return db.$transaction(async (tx) => {
    const trader = await tx.trader.create({
      data: {
        userId: options.userId,
        name: options.name,
        description: options.description,
        dsnPublicKey: randomBytes(16).toString("hex"),
      },
      select: { id: true },
    });
    const version = await tx.traderCodeVersion.create({
      data: {
        traderId: trader.id,
        version: 1,
        code: options.code,
        source: "user",
        authorId: options.userId,
      },
      select: { id: true },
    });
    return tx.trader.update({
      where: { id: trader.id },
      data: { activeVersionId: version.id },
      select: { id: true, name: true, activeVersionId: true, dsnPublicKey: true, projectId: true },
    });
  });
}
