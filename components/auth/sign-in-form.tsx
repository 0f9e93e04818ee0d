"use client";

import { signIn } from "next-auth/react";
import { Fragment, type ReactNode, useState } from "react";
import { toast } from "sonner";
import { DemoAccountList, demoPendingKey } from "@/components/auth/demo-account-list";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { GithubSignInButton } from "@/components/auth/github-sign-in-button";
import { SignInDivider } from "@/components/auth/sign-in-divider";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { SignInSetupHelp } from "@/components/auth/sign-in-setup-help";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DemoAccount } from "@/lib/auth/sign-in-options";

export type SignInFormProps = {
  demoAccounts: DemoAccount[] | null;
  hasGithub: boolean;
  hasEmail: boolean;
  // Already validated as a same-origin path by the page.
  callbackUrl: string;
  errorMessage: string | null;
  isCheckEmail: boolean;
};

export function SignInForm({
  demoAccounts,
  hasGithub,
  hasEmail,
  callbackUrl,
  errorMessage,
  isCheckEmail,
}: SignInFormProps) {
  // One key for whichever method is in flight, so a second click can't start
  // a competing sign-in while the browser is redirecting.
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const isBusy = pendingKey !== null;

  async function startSignIn(key: string, run: () => Promise<unknown>) {
    setPendingKey(key);
    try {
      // On success next-auth navigates away, and on a refused sign-in it
      // redirects back here with ?error=...; a throw means it wasn't reachable.
      await run();
    } catch {
      toast.error("Couldn't reach the sign-in service. Check your connection and try again.");
      setPendingKey(null);
    }
  }

  const methods: { key: string; node: ReactNode }[] = [];
  if (demoAccounts) {
    methods.push({
      key: "demo",
      node: (
        <DemoAccountList
          accounts={demoAccounts}
          pendingKey={pendingKey}
          onSelect={(account) =>
            startSignIn(demoPendingKey(account), () =>
              signIn("demo", { email: account.email, callbackUrl }),
            )
          }
        />
      ),
    });
  }
  if (hasGithub) {
    methods.push({
      key: "github",
      node: (
        <GithubSignInButton
          isPending={pendingKey === "github"}
          isDisabled={isBusy}
          onClick={() => startSignIn("github", () => signIn("github", { callbackUrl }))}
        />
      ),
    });
  }
  if (hasEmail) {
    methods.push({
      key: "email",
      node: (
        <EmailSignInForm
          isPending={pendingKey === "email"}
          isDisabled={isBusy}
          onSubmit={(email) => startSignIn("email", () => signIn("email", { email, callbackUrl }))}
        />
      ),
    });
  }

  return (
    <Card className="w-full">
      <CardHeader className="pb-5">
        <CardTitle className="text-lg">Sign in to Faultline</CardTitle>
        <CardDescription>
          See failing filters across your traders, and ship fixes before the next candle.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {errorMessage ? <SignInNotice tone="error" title={errorMessage} /> : null}
        {isCheckEmail ? (
          <SignInNotice tone="success" title="Check your email">
            We sent you a sign-in link. It works once and expires in 24 hours; you can close this
            tab.
          </SignInNotice>
        ) : null}
        {methods.length === 0 ? <SignInSetupHelp /> : null}
        {methods.map(({ key, node }, index) => (
          <Fragment key={key}>
            {index > 0 ? <SignInDivider /> : null}
            {node}
          </Fragment>
        ))}
      </CardContent>
    </Card>
  );
}
