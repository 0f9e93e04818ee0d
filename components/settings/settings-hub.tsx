import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { settingsSections } from "@/components/settings/settings-sections";

export function SettingsHub() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {settingsSections.map((section) => {
        const Icon = section.icon;
        return (
          <li key={section.href}>
            <Link
              href={section.href}
              data-testid={`settings-link-${section.href.split("/").at(-1)}`}
              className="group flex h-full items-start gap-3 rounded-xl border border-border bg-card p-4 shadow-sm transition-colors hover:bg-subtle"
            >
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary dark:text-link [&_svg]:size-4"
              >
                <Icon />
              </span>
              <span className="flex min-w-0 flex-1 flex-col gap-1">
                <span className="text-sm font-semibold text-foreground">{section.title}</span>
                <span className="text-sm text-muted-foreground">{section.description}</span>
              </span>
              <ChevronRight
                aria-hidden="true"
                className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-hover:translate-x-0.5"
              />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
