import { getDb } from "@/lib/db";
import { type DeliveryPreference, NotificationKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

export type NotificationPreferences = Record<NotificationKind, DeliveryPreference>;

// A missing row means the default: every kind is emailed right away, and the daily
// digest (whose "immediate" means "send me the digest") is on.
export const defaultNotificationPreferences: NotificationPreferences = {
  new_group: "immediate",
  regression: "immediate",
  fix_ready: "immediate",
  workflow_disabled: "immediate",
  daily_digest: "immediate",
};

export async function getNotificationPreferences({
  userId,
}: {
  userId: string;
}): Promise<NotificationPreferences> {
  const rows = await getDb().notificationPreference.findMany({
    where: { userId },
    select: { kind: true, email: true },
  });
  const preferences = { ...defaultNotificationPreferences };
  for (const row of rows) preferences[row.kind] = row.email;
  return preferences;
}

export async function getNotificationPreference({
  userId,
  kind,
}: {
  userId: string;
  kind: NotificationKind;
}): Promise<DeliveryPreference> {
  const row = await getDb().notificationPreference.findUnique({
    where: { userId_kind: { userId, kind } },
    select: { email: true },
  });
  return row?.email ?? defaultNotificationPreferences[kind];
}

/**
 * Saves the given kinds (others keep their value) in one transaction. The digest
 * cannot itself go into a digest: for `daily_digest` only on (`immediate`) or `off`.
 */
export async function setNotificationPreferences({
  userId,
  preferences,
}: {
  userId: string;
  preferences: Partial<NotificationPreferences>;
}): Promise<NotificationPreferences> {
  if (preferences.daily_digest === "digest") {
    throw new AppError("validation_failed", "The daily digest can only be on or off.", [
      { path: "daily_digest", message: "Choose on or off." },
    ]);
  }
  const updates = Object.values(NotificationKind).flatMap((kind) => {
    const email = preferences[kind];
    return email ? [{ kind, email }] : [];
  });
  await getDb().$transaction(
    updates.map(({ kind, email }) =>
      getDb().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, email },
        update: { email },
      }),
    ),
  );
  return getNotificationPreferences({ userId });
}
