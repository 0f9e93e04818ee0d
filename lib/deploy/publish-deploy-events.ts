import type { ErrorGroupStatus, TraderState } from "@/lib/generated/prisma/enums";
import { publishManyToUser } from "@/lib/realtime/publish-to-user";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

export type DeployChange = {
  userId: string;
  traderId: string;
  state: TraderState;
  activeVersionId: string;
  groups: { id: string; status: ErrorGroupStatus }[];
};

// After commit only: the trader's page and the groups' pages refetch. Never throws.
export async function publishDeployEvents(change: DeployChange): Promise<void> {
  const events: RealtimeEvent[] = [
    {
      type: "trader.updated",
      traderId: change.traderId,
      state: change.state,
      activeVersionId: change.activeVersionId,
    },
    ...change.groups.map(
      (group): RealtimeEvent => ({
        type: "group.updated",
        groupId: group.id,
        status: group.status,
      }),
    ),
  ];
  await publishManyToUser(change.userId, events);
}
