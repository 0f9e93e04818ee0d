import type { ErrorGroupStatus } from "@/lib/generated/prisma/enums";

// "Open" means still needing attention: neither resolved nor muted. A proposed or
// deployed fix stays open until the group is resolved.
export const openErrorGroupStatuses = [
  "unresolved",
  "regressed",
  "fix_proposed",
  "fix_deployed",
] as const satisfies readonly ErrorGroupStatus[];
