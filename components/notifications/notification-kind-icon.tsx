import {
  Bug,
  CirclePause,
  type LucideIcon,
  Newspaper,
  RotateCcw,
  WandSparkles,
} from "lucide-react";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils/cn";

const kindStyles: Record<NotificationKind, { icon: LucideIcon; tone: string }> = {
  new_group: { icon: Bug, tone: "bg-rose-500/10 text-rose-700 dark:text-rose-300" },
  regression: { icon: RotateCcw, tone: "bg-orange-500/10 text-orange-700 dark:text-orange-300" },
  fix_ready: { icon: WandSparkles, tone: "bg-indigo-500/10 text-indigo-700 dark:text-indigo-300" },
  workflow_disabled: {
    icon: CirclePause,
    tone: "bg-amber-500/10 text-amber-800 dark:text-amber-300",
  },
  daily_digest: { icon: Newspaper, tone: "bg-zinc-500/10 text-zinc-700 dark:text-zinc-300" },
};

// Decorative: every notification's title already says what happened.
export function NotificationKindIcon({
  kind,
  className,
}: {
  kind: NotificationKind;
  className?: string;
}) {
  const { icon: Icon, tone } = kindStyles[kind];
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-7 shrink-0 items-center justify-center rounded-full",
        tone,
        className,
      )}
    >
      {/* Menu items grey out their icons; this one keeps the kind's colour. */}
      <Icon className="size-3.5! text-inherit!" />
    </span>
  );
}
