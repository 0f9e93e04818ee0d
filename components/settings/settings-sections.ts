import { Bell, KeyRound, type LucideIcon, Mail, Sparkles } from "lucide-react";

export type SettingsSection = {
  href: string;
  title: string;
  description: string;
  icon: LucideIcon;
};

export const settingsSections: readonly SettingsSection[] = [
  {
    href: "/settings/api-keys",
    title: "API keys",
    description: "Keys your executors use to report failed filter runs.",
    icon: KeyRound,
  },
  {
    href: "/settings/notifications",
    title: "Notifications",
    description: "Which notifications are emailed to you: right away, in a daily digest or never.",
    icon: Bell,
  },
  {
    href: "/settings/ai",
    title: "AI fixes",
    description: "When fixes are generated automatically, and the limits on what they may cost.",
    icon: Sparkles,
  },
  {
    href: "/settings/mailbox",
    title: "Mailbox",
    description: "The emails Faultline has sent you, as they were delivered.",
    icon: Mail,
  },
];
