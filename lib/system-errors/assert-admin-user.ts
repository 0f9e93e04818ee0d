import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

// System errors span every tenant, so only admins may read or resolve them. Anyone else
// gets the same 404 an unknown route would give: the admin surface is not advertised.
export async function assertAdminUser(userId: string): Promise<void> {
  if (!userId) throw new AppError("unauthorized", "Sign in to use this endpoint.");
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { role: true } });
  if (user?.role !== "admin") throw new AppError("not_found", "Not found.");
}
