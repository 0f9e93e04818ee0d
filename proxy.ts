import { type NextRequest, NextResponse } from "next/server";

// Convenience only: sends signed-out visitors of app pages to the sign-in page.
// Every page and route still checks the session itself (lib/auth, lib/http).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/errors/:path*", "/traders/:path*", "/settings/:path*"],
};
