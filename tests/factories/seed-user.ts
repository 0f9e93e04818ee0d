import type { Db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "@/tests/factories/unique";

export async function seedUser(
  db: Db,
  options: { email?: string; name?: string; role?: UserRole } = {},
) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: (options.email ?? `user-${suffix}@example.test`).toLowerCase(),
      name: options.name ?? `Test user ${suffix}`,
      role: options.role ?? "trader",
    },
    select: { id: true, email: true, name: true, role: true },
  });
}
