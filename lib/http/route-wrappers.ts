import {
  type ApiKeyPrincipal,
  authenticateApiKey,
  readBearerToken,
} from "@/lib/api-keys/authenticate-api-key";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { handleApiError } from "@/lib/http/handle-api-error";

type RouteParams = Record<string, string | string[]>;
type NextRouteContext<Params extends RouteParams> = { params: Promise<Params> };
type RouteHandler<Params extends RouteParams> = (
  request: Request,
  context: NextRouteContext<Params>,
) => Promise<Response>;

type Authenticated<Principal, Params> = { principal: Principal; params: Params };

// Every route handler goes through one of these: authentication happens before the
// handler runs and every thrown error becomes a problem+json response.
function withPrincipal<Principal>(authenticate: (request: Request) => Promise<Principal>) {
  return <Params extends RouteParams = Record<string, never>>(
    handler: (request: Request, context: Authenticated<Principal, Params>) => Promise<Response>,
  ): RouteHandler<Params> =>
    async (request, context) => {
      try {
        const principal = await authenticate(request);
        return await handler(request, { principal, params: await context.params });
      } catch (error) {
        return handleApiError(error);
      }
    };
}

async function requireSessionUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to use this endpoint.");
  return user;
}

async function requireAdminUser(): Promise<SessionUser> {
  const user = await requireSessionUser();
  // 404, not 403: admin endpoints do not reveal that they exist.
  if (user.role !== "admin") throw new AppError("not_found", "Not found.");
  return user;
}

async function requireApiKey(request: Request): Promise<ApiKeyPrincipal> {
  const principal = await authenticateApiKey(readBearerToken(request.headers.get("authorization")));
  if (!principal) {
    throw new AppError(
      "unauthorized",
      "A valid API key is required (Authorization: Bearer <key>).",
    );
  }
  return principal;
}

export type UserPrincipal =
  | { kind: "session"; userId: string; user: SessionUser }
  | { kind: "api_key"; userId: string; apiKey: ApiKeyPrincipal };

// Read endpoints that both the browser (session) and executors (API key) call.
async function requireSessionOrApiKey(request: Request): Promise<UserPrincipal> {
  if (request.headers.get("authorization")) {
    const apiKey = await requireApiKey(request);
    return { kind: "api_key", userId: apiKey.userId, apiKey };
  }
  const user = await requireSessionUser();
  return { kind: "session", userId: user.id, user };
}

// Admin endpoints scripts may call too: an admin session, or an admin-scope API key whose
// owner is still an admin (a demoted user's keys stop working at once). Anything else
// that authenticates gets the same 404 as withAdmin.
async function requireAdminSessionOrKey(request: Request): Promise<UserPrincipal> {
  if (!request.headers.get("authorization")) {
    const user = await requireAdminUser();
    return { kind: "session", userId: user.id, user };
  }
  const apiKey = await requireApiKey(request);
  const owner = await getDb().user.findUnique({
    where: { id: apiKey.userId },
    select: { role: true },
  });
  if (apiKey.scope !== "admin" || owner?.role !== "admin") {
    throw new AppError("not_found", "Not found.");
  }
  return { kind: "api_key", userId: apiKey.userId, apiKey };
}

export const withPublic = withPrincipal(async () => null);
export const withSession = withPrincipal(requireSessionUser);
export const withAdmin = withPrincipal(requireAdminUser);
export const withApiKey = withPrincipal(requireApiKey);
export const withUser = withPrincipal(requireSessionOrApiKey);
export const withAdminOrAdminKey = withPrincipal(requireAdminSessionOrKey);
