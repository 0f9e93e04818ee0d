import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";
import { publishToUser } from "@/lib/realtime/publish-to-user";

// For server actions that change a group's status: other tabs and devices of the same
// user refresh. Call after the change committed; never throws.
export async function publishGroupStatusChanged(
  userId: string,
  groupId: string,
  status: ErrorGroupStatus,
): Promise<void> {
  await publishToUser(userId, { type: "group.updated", groupId, status });
}
