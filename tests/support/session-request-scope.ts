import { AsyncLocalStorage } from "node:async_hooks";
import { encode } from "next-auth/jwt";

// A test seam for route handlers behind withSession. next-auth's getServerSession reads
// the session cookie through next/headers, which only works inside the request scope
// Next.js sets up around a handler; this builds that scope from a plain Request (the
// same store factories Next 16 uses) and signs a real next-auth JWT, so the code under
// test runs unchanged against the real database.

// Next's server installs this global before anything loads; its request stores are
// created from it when first imported. Call it (in vi.hoisted) before any app import.
export function installAsyncLocalStorage(): void {
  Object.assign(globalThis, { AsyncLocalStorage });
}

export async function runInRequestScope<T>(request: Request, run: () => Promise<T>): Promise<T> {
  const [
    { workAsyncStorage },
    { workUnitAsyncStorage },
    { createRequestStore },
    { createWorkStore },
  ] = await Promise.all([
    import("next/dist/server/app-render/work-async-storage.external"),
    import("next/dist/server/app-render/work-unit-async-storage.external"),
    import("next/dist/server/async-storage/request-store"),
    import("next/dist/server/async-storage/work-store"),
  ]);
  const url = new URL(request.url);
  const pending: Promise<unknown>[] = [];
  const onClose: (() => void)[] = [];
  const requestStore = createRequestStore({
    phase: "action",
    headers: request.headers,
    onUpdateCookies: undefined,
    url: { pathname: url.pathname, search: url.search },
    rootParams: {},
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  const workStore = createWorkStore({
    page: url.pathname,
    renderOpts: {
      // Route handlers here use no cache: inert values Next would read from next.config.
      cacheLifeProfiles: { default: { stale: 0, revalidate: 0, expire: 0 } },
      staticPageGenerationTimeout: 60,
      cacheComponents: false,
      validationLevel: "warning",
      experimental: {
        isRoutePPREnabled: false,
        authInterrupts: false,
        useCacheTimeout: 0,
        durableUseCacheEntries: false,
      },
      // after() callbacks run once the response is done, as they would in Next.
      waitUntil: (promise) => {
        pending.push(promise);
      },
      onClose: (callback) => {
        onClose.push(callback);
      },
      onAfterTaskError: (error) => console.error("[after] task failed", error),
    },
    buildId: "integration-test",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });
  const result = await workUnitAsyncStorage.run(requestStore, () =>
    workAsyncStorage.run(workStore, run),
  );
  for (const callback of onClose) callback();
  await Promise.allSettled(pending);
  return result;
}

// The Cookie header a signed-in browser sends, signed with the app's NEXTAUTH_SECRET.
export async function createSessionCookie(user: {
  id: string;
  email: string;
  name: string | null;
}): Promise<string> {
  const { authOptions } = await import("@/lib/auth/auth-options");
  if (!authOptions.secret) {
    throw new Error("Set NEXTAUTH_SECRET (in vi.hoisted) before the app is imported.");
  }
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: authOptions.secret,
  });
  return `next-auth.session-token=${token}`;
}
