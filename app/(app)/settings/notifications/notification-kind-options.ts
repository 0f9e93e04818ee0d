import type { NotificationKind } from "@/lib/generated/prisma/enums";

type KindOption = { label: string; description: string };

// How each kind is named in settings and in the mailbox.
export const notificationKindOptions: Record<NotificationKind, KindOption> = {
  new_group: {
    label: "New errors",
    description: "A trader fails in a way Faultline has not seen before.",
  },
  regression: {
    label: "Regressions",
    description: "An error you resolved comes back.",
  },
  fix_ready: {
    label: "Fixes ready to review",
    description: "A generated fix passed its preview run and waits for you.",
  },
  workflow_disabled: {
    label: "Disabled traders",
    description: "A trader was stopped and no longer runs.",
  },
  daily_digest: {
    label: "Daily digest",
    description: "One email a day with what was held back.",
  },
};

// Kinds that can be emailed one by one; the digest is on or off.
export const immediateKinds = [
  "new_group",
  "regression",
  "fix_ready",
  "workflow_disabled",
] as const;
