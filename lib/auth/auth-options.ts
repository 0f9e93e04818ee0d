import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { isDemoEmail, isDemoSignInEnabled } from "@/lib/auth/demo-sign-in";
import { createPrismaAdapter } from "@/lib/auth/prisma-adapter";
import { sendMagicLink } from "@/lib/auth/send-magic-link";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

const demoCredentials = z.object({ email: z.email() });

function demoProvider() {
  return CredentialsProvider({
    id: "demo",
    name: "Demo account",
    credentials: { email: { label: "Email", type: "email" } },
    async authorize(credentials) {
      const parsed = demoCredentials.safeParse(credentials);
      if (!isDemoSignInEnabled() || !parsed.success || !isDemoEmail(parsed.data.email)) return null;
      return getDb().user.findUnique({
        where: { email: parsed.data.email.toLowerCase() },
        select: { id: true, email: true, name: true },
      });
    },
  });
}

// Built by hand instead of next-auth's EmailProvider, which pulls in nodemailer:
// we send through Resend.
function magicLinkProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env.EMAIL_FROM,
    maxAge: 24 * 60 * 60,
    server: {},
    options: {},
    sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ email: identifier, url }),
  };
}

function configuredProviders(): NextAuthOptions["providers"] {
  const providers: NextAuthOptions["providers"] = [demoProvider()];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.RESEND_API_KEY) providers.push(magicLinkProvider());
  return providers;
}

export const authOptions: NextAuthOptions = {
  adapter: createPrismaAdapter(getDb),
  // Credentials (demo) sign-in requires JWT sessions; the role is still read from
  // the database on every request (lib/auth/current-user.ts), so it is never stale.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.NEXTAUTH_SECRET,
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in?check-email=1", error: "/sign-in" },
  providers: configuredProviders(),
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
