"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action-client";
import { setUserRole } from "@/lib/admin/set-user-role";
import { UserRole } from "@/lib/generated/prisma/enums";

const setUserRoleInput = z.object({
  userId: z.guid(),
  role: z.enum(UserRole),
});

// Promote a user to admin or demote one to trader; the last admin cannot be demoted.
export const setUserRoleAction = adminAction(setUserRoleInput, async ({ user, input }) => {
  const result = await setUserRole({
    userId: user.id,
    targetUserId: input.userId,
    role: input.role,
  });
  // An admin who stepped down loses the console on the next render.
  revalidatePath("/admin", "layout");
  return { role: result.user.role, isChanged: result.isChanged };
});
