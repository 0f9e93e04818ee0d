import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { resolveCallbackUrl } from "@/components/auth/resolve-callback-url";
import { getSignInErrorMessage } from "@/components/auth/sign-in-error-message";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Logo } from "@/components/shell/logo";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSignInOptions } from "@/lib/auth/sign-in-options";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = resolveCallbackUrl(params.callbackUrl);

  const user = await getCurrentUser();
  if (user) redirect(callbackUrl);

  const options = await getSignInOptions();

  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-background px-4 py-10">
      <main className="flex w-full max-w-sm flex-col items-center gap-6">
        <Logo className="[&>span:last-child]:text-lg" />
        <SignInForm
          demoAccounts={options.demoAccounts}
          hasGithub={options.hasGithub}
          hasEmail={options.hasEmail}
          callbackUrl={callbackUrl}
          errorMessage={getSignInErrorMessage(params.error)}
          isCheckEmail={params["check-email"] === "1"}
        />
        <p className="text-center text-xs text-muted-foreground">
          Faultline watches your trading filters and proposes fixes when they fail.
        </p>
      </main>
    </div>
  );
}
