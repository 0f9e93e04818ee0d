import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const adapterUserSelect = {
  id: true,
  email: true,
  name: true,
  image: true,
  emailVerified: true,
} as const;

// next-auth v4's official adapter targets the old generated client; this one is
// typed against our own Prisma 7 client and only implements what JWT sessions use.
export function createPrismaAdapter(getDb: () => Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">): Promise<AdapterUser> {
      return getDb().user.create({
        data: {
          email: user.email.toLowerCase(),
          name: user.name,
          image: user.image,
          emailVerified: user.emailVerified,
        },
        select: adapterUserSelect,
      });
    },
    getUser: (id) => getDb().user.findUnique({ where: { id }, select: adapterUserSelect }),
    getUserByEmail: (email) =>
      getDb().user.findUnique({ where: { email: email.toLowerCase() }, select: adapterUserSelect }),
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await getDb().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: adapterUserSelect } },
      });
      return account?.user ?? null;
    },
    updateUser: ({ id, name, image, emailVerified }) =>
      getDb().user.update({
        where: { id },
        data: { name, image, emailVerified },
        select: adapterUserSelect,
      }),
    async linkAccount(account: AdapterAccount) {
      await getDb().account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refreshToken: account.refresh_token,
          accessToken: account.access_token,
          expiresAt: account.expires_at,
          tokenType: account.token_type,
          scope: account.scope,
          idToken: account.id_token,
          sessionState: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    createVerificationToken: (token) => getDb().verificationToken.create({ data: token }),
    async useVerificationToken({ identifier, token }) {
      // Single-use: delete and return in one step so a link can't be replayed,
      // and return the stored expiry so next-auth rejects stale links.
      try {
        return await getDb().verificationToken.delete({
          where: { identifier_token: { identifier, token } },
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")
          return null;
        throw error;
      }
    },
  };
}
