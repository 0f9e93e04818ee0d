import { getDb } from "@/lib/db";
import { groupActivitySelect } from "@/lib/errors/query/error-group-json";
import type { Prisma } from "@/lib/generated/prisma/client";

export const GROUP_ACTIVITY_LIMIT = 100;

const groupActivityWithActorSelect = {
  ...groupActivitySelect,
  actorUser: { select: { name: true, email: true } },
} as const satisfies Prisma.GroupActivitySelect;

export type GroupActivityWithActor = Prisma.GroupActivityGetPayload<{
  select: typeof groupActivityWithActorSelect;
}>;

// A group's history, newest first, with who did it. Scoped through the group's owner.
export async function listGroupActivity({
  groupId,
  userId,
  limit = GROUP_ACTIVITY_LIMIT,
}: {
  groupId: string;
  userId: string;
  limit?: number;
}): Promise<GroupActivityWithActor[]> {
  return getDb().groupActivity.findMany({
    where: { groupId, group: { userId } },
    select: groupActivityWithActorSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

// "system" for Faultline's own moves; a user who was deleted since keeps a placeholder.
export function describeActivityActor(activity: GroupActivityWithActor): string {
  if (activity.actorKind === "system") return "system";
  return activity.actorUser?.name || activity.actorUser?.email || "A deleted user";
}
