import { env } from "@/lib/env";

// Links in emails must be absolute and point at the canonical public URL.
export function toAppUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

export const notificationSettingsPath = "/settings/notifications";
