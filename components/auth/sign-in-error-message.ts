// next-auth v4 redirects to the sign-in page with ?error=<code>; these are its
// codes (sign-in and error-page ones), in words a trader can act on.
const messages: Record<string, string> = {
  OAuthSignin: "We couldn't start signing in with GitHub. Try again in a moment.",
  OAuthCallback: "GitHub sign-in didn't complete. Try again, or use another method.",
  OAuthCreateAccount: "We couldn't create your account from GitHub. Try another method.",
  EmailCreateAccount: "We couldn't create an account for that email address.",
  Callback: "Sign-in didn't complete. Please try again.",
  OAuthAccountNotLinked:
    "That email already belongs to an account that signs in another way. Use the method you used first.",
  EmailSignin: "We couldn't send the sign-in email. Check the address and try again.",
  CredentialsSignin:
    "That demo account couldn't sign you in. Demo sign-in may be off, or the account no longer exists.",
  SessionRequired: "Please sign in to see that page.",
  Configuration:
    "Sign-in is misconfigured on the server (check NEXTAUTH_SECRET and the provider settings).",
  AccessDenied: "Access denied: this account isn't allowed to sign in.",
  Verification:
    "That sign-in link is invalid or has expired. Links work once and expire after 24 hours; request a new one.",
};

const fallbackMessage = "Something went wrong while signing in. Please try again.";

export function getSignInErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  return messages[value] ?? fallbackMessage;
}
