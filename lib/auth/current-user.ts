import { notFound, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/auth-options";
import { type SessionUser, sessionUserSelect } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";

// The JWT only proves who signed in; role and existence come from the database
// so a demoted or deleted user loses access immediately.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  return getDb().user.findUnique({ where: { id: userId }, select: sessionUserSelect });
});

export async function requireUserPage(callbackPath: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

// Admin pages answer 404 to everyone else so their existence is not revealed.
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user?.role !== "admin") notFound();
  return user;
}
