import { z } from "zod";
import { getDb } from "@/lib/db";
import { type DeployResult, deployCode } from "@/lib/deploy/deploy-code-version";
import { getErrorGroupOrThrow } from "@/lib/errors/query/get-error-group-or-throw";
import { AppError } from "@/lib/http/app-error";

export type DeployGroupFixResult = DeployResult & { traderId: string };

const attemptIdSchema = z.guid();

// "ai" only for the proposal exactly as verified; an edited proposal is the user's
// code (still linked to the attempt, which deployCode checks and marks deployed).
async function sourceOfCode({
  userId,
  groupId,
  attemptId,
  code,
}: {
  userId: string;
  groupId: string;
  attemptId: string | undefined;
  code: string;
}): Promise<"ai" | "user"> {
  if (attemptId === undefined) return "user";
  if (!attemptIdSchema.safeParse(attemptId).success) {
    throw new AppError("not_found", "This fix attempt does not exist.");
  }
  const attempt = await getDb().regenerationAttempt.findFirst({
    where: { id: attemptId, userId, groupId },
    select: { proposedCode: true },
  });
  return attempt?.proposedCode === code ? "ai" : "user";
}

/**
 * Deploys the code that fixes an error group to the group's trader: the fix review's
 * "Deploy". Tenant-scoped through the group (another user's group is not_found);
 * everything else (compile check, versioning, watch, attempt) is deployCode's.
 */
export async function deployGroupFix({
  userId,
  groupId,
  code,
  attemptId,
  note,
  now,
}: {
  userId: string;
  groupId: string;
  code: string;
  attemptId?: string;
  note?: string;
  now?: Date;
}): Promise<DeployGroupFixResult> {
  const { traderId } = await getErrorGroupOrThrow({ id: groupId, userId });
  const source = await sourceOfCode({ userId, groupId, attemptId, code });
  const result = await deployCode({
    userId,
    traderId,
    code,
    source,
    groupId,
    attemptId,
    note,
    now,
  });
  return { ...result, traderId };
}
