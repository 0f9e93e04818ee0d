import { redirect } from "next/navigation";

// API keys are the only settings so far; /settings stays a stable entry point.
export default function SettingsPage() {
  redirect("/settings/api-keys");
}
