import { getDb } from "@/lib/db";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";

// Admin only: every error_type ever logged, for the console's type filter. The set is
// small (types are code constants), so a DISTINCT over the table is cheap enough.
export async function listSystemErrorTypes({ userId }: { userId: string }): Promise<string[]> {
  await assertAdminUser(userId);
  const rows = await getDb().systemError.findMany({
    distinct: ["errorType"],
    select: { errorType: true },
    orderBy: { errorType: "asc" },
  });
  return rows.map((row) => row.errorType);
}
