import type { CodeSource } from "@/lib/generated/prisma/enums";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

const sourceLabel: Record<CodeSource, string> = {
  user: "by you",
  ai: "AI fix",
  rollback: "rollback",
};

export function ActiveVersion({
  version,
}: {
  version: { version: number; source: CodeSource; createdAt: Date } | null;
}) {
  if (!version) return <span className="text-muted-foreground">No active version</span>;
  return (
    <span className="tabular-nums" data-testid="active-version">
      <span className="font-medium">v{version.version}</span>
      <span className="text-muted-foreground">
        {" "}
        · {sourceLabel[version.source]} · {dateFormat.format(version.createdAt)}
      </span>
    </span>
  );
}
