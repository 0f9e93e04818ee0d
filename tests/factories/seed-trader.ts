import type { Db } from "@/lib/db";
import { createTrader } from "@/lib/traders/create-trader";
import { uniqueSuffix } from "@/tests/factories/unique";

export const SIMPLE_FILTER_CODE = `export default function filter({ candles }) {
  const last = candles[candles.length - 1];
  return last.close > last.open;
}
`;

export async function seedTrader(
  db: Db,
  options: { userId: string; name?: string; description?: string; code?: string },
) {
  return createTrader(db, {
    userId: options.userId,
    name: options.name ?? `Trader ${uniqueSuffix()}`,
    description: options.description,
    code: options.code ?? SIMPLE_FILTER_CODE,
  });
}
