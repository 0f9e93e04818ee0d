import { getDb } from "@/lib/db";
import {
  cursorKeyAsDate,
  decodePageCursor,
  encodePageCursor,
} from "@/lib/errors/query/page-cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import { assertAdminUser } from "@/lib/system-errors/assert-admin-user";
import type { SystemErrorComponent } from "@/lib/system-errors/system-error-component";
import { type SystemErrorRecord, systemErrorSelect } from "@/lib/system-errors/system-error-json";
import { MAX_SYSTEM_ERROR_PAGE_SIZE } from "@/lib/system-errors/system-error-query";

export type ListSystemErrorsOptions = {
  userId: string;
  severities?: Severity[];
  errorType?: string;
  component?: SystemErrorComponent;
  isUnresolvedOnly?: boolean;
  /** created_at on or after (inclusive). */
  since?: Date;
  /** created_at before (exclusive). */
  until?: Date;
  cursor?: string;
  limit: number;
};

export type SystemErrorPage = { systemErrors: SystemErrorRecord[]; nextCursor: string | null };

// The cursor's position does not depend on the filters, so it stays valid when they change.
const cursorSort = "system_errors:created:desc";

// Admin only: newest first, keyset-paginated on (created_at, id) desc.
export async function listSystemErrors(options: ListSystemErrorsOptions): Promise<SystemErrorPage> {
  await assertAdminUser(options.userId);
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), MAX_SYSTEM_ERROR_PAGE_SIZE);
  const cursor = options.cursor ? decodePageCursor(options.cursor, cursorSort) : undefined;

  const conditions: Prisma.SystemErrorWhereInput[] = [];
  if (options.severities?.length) conditions.push({ severity: { in: options.severities } });
  if (options.errorType) conditions.push({ errorType: options.errorType });
  if (options.component) conditions.push({ component: options.component });
  if (options.isUnresolvedOnly) conditions.push({ resolvedAt: null });
  if (options.since) conditions.push({ createdAt: { gte: options.since } });
  if (options.until) conditions.push({ createdAt: { lt: options.until } });
  if (cursor) {
    const at = cursorKeyAsDate(cursor);
    conditions.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] });
  }

  const rows = await getDb().systemError.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: systemErrorSelect,
  });
  const systemErrors = rows.slice(0, limit);
  const last = systemErrors.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodePageCursor({ sort: cursorSort, key: last.createdAt.toISOString(), id: last.id })
      : null;
  return { systemErrors, nextCursor };
}
