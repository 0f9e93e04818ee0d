import { env } from "@/lib/env";

// Demo accounts are created by the seed under this domain; demo sign-in can only
// ever act as one of them, never as a real user.
export const DEMO_EMAIL_DOMAIN = "demo.faultline.local";

// "auto" means: on for the embedded database (local demo), off everywhere else,
// so a production deploy never has it unless someone sets DEMO_SIGN_IN=on.
export function isDemoSignInEnabled(): boolean {
  if (env.DEMO_SIGN_IN === "on") return true;
  if (env.DEMO_SIGN_IN === "off") return false;
  return env.EMBEDDED_DB;
}

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}
