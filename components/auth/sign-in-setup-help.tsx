import { SignInNotice } from "@/components/auth/sign-in-notice";

const codeClass = "rounded bg-black/10 px-1 py-0.5 font-mono text-[12px] dark:bg-white/10";

// Shown when the server has no sign-in method at all, naming the exact
// variables to set instead of a dead end.
export function SignInSetupHelp() {
  return (
    <SignInNotice tone="error" title="No sign-in method is configured">
      <p>Set at least one of these in the server environment, then restart:</p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-4">
        <li>
          GitHub: <code className={codeClass}>GITHUB_ID</code> and{" "}
          <code className={codeClass}>GITHUB_SECRET</code>
        </li>
        <li>
          Email magic links: <code className={codeClass}>RESEND_API_KEY</code>
        </li>
        <li>
          Demo accounts (local only): <code className={codeClass}>DEMO_SIGN_IN=on</code>
        </li>
      </ul>
    </SignInNotice>
  );
}
