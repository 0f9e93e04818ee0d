import { DEMO_EMAIL_DOMAIN, isDemoSignInEnabled } from "@/lib/auth/demo-sign-in";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";

export type DemoAccount = { email: string; name: string | null; role: UserRole };

export type SignInOptions = {
  demoAccounts: DemoAccount[] | null;
  hasGithub: boolean;
  hasEmail: boolean;
};

export async function getSignInOptions(): Promise<SignInOptions> {
  const demoAccounts = isDemoSignInEnabled()
    ? await getDb().user.findMany({
        where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
        select: { email: true, name: true, role: true },
        orderBy: [{ role: "asc" }, { email: "asc" }],
        take: 20,
      })
    : null;
  return {
    demoAccounts,
    hasGithub: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
    hasEmail: Boolean(env.RESEND_API_KEY),
  };
}
