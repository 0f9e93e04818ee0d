import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { ErrorGroupStatus, ExecutionErrorType } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "@/tests/factories/unique";

// Imports no app module at runtime: files that set the environment before loading the app
// (email, retention) can import it statically.
export async function seedErrorGroup(
  db: Db,
  options: {
    userId: string;
    traderId: string;
    status?: ErrorGroupStatus;
    errorType?: ExecutionErrorType;
    title?: string;
    eventCount?: number;
    /** When the group was last seen, and first seen unless `firstSeenAt` is earlier. */
    seenAt?: Date;
    firstSeenAt?: Date;
    resolvedAt?: Date;
    fingerprint?: string;
  },
) {
  const seenAt = options.seenAt ?? new Date();
  return db.errorGroup.create({
    data: {
      userId: options.userId,
      traderId: options.traderId,
      fingerprint: options.fingerprint ?? `fp-${randomUUID()}`,
      errorType: options.errorType ?? "runtime",
      // Unique, so a test can find the title in an email or a page without matching another group.
      title: options.title ?? `TypeError: close of undefined ${uniqueSuffix()}`,
      errorHash: randomBytes(6).toString("hex"),
      status: options.status ?? "unresolved",
      resolvedAt: options.resolvedAt,
      eventCount: options.eventCount ?? 1,
      firstSeenAt: options.firstSeenAt ?? seenAt,
      lastSeenAt: seenAt,
    },
    select: {
      id: true,
      traderId: true,
      title: true,
      status: true,
      errorType: true,
      eventCount: true,
      firstSeenAt: true,
      lastSeenAt: true,
    },
  });
}
