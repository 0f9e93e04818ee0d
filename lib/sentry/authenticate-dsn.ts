import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type DsnTrader = { id: string; userId: string };

const PROJECT_ID = /^[1-9]\d{0,9}$/;
// Compared when the project does not exist, so that case costs the same as a wrong key.
const ABSENT_KEY = "0".repeat(32);

function isKeyMatching(given: string, expected: string): boolean {
  // Hashing gives equal-length inputs, which timingSafeEqual requires, without
  // leaking the expected key's length.
  const digest = (key: string) => createHash("sha256").update(key).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// Unknown projects, malformed ids and wrong keys all answer the same 401, so the
// endpoint does not reveal which project ids exist.
export async function authenticateDsn(
  db: Db,
  { projectId, publicKey }: { projectId: string; publicKey: string | null },
): Promise<DsnTrader> {
  const unauthorized = new AppError(
    "unauthorized",
    "A valid Sentry DSN key for this project is required (sentry_key).",
  );
  const numericId = PROJECT_ID.test(projectId) ? Number(projectId) : null;
  const trader =
    numericId !== null && numericId <= 2_147_483_647
      ? await db.trader.findUnique({
          where: { projectId: numericId },
          select: { id: true, userId: true, dsnPublicKey: true },
        })
      : null;
  const isMatching = isKeyMatching(publicKey ?? "", trader?.dsnPublicKey ?? ABSENT_KEY);
  if (!trader || !publicKey || !isMatching) throw unauthorized;
  return { id: trader.id, userId: trader.userId };
}
