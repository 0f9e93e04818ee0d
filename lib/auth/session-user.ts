import type { UserRole } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
};

export const sessionUserSelect = { id: true, email: true, name: true, role: true } as const;
