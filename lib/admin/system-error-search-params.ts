import { z } from "zod";
import { Severity } from "@/lib/generated/prisma/enums";
import { firstValue, listValue, type RawSearchParams } from "@/lib/http/search-param-values";
import { systemErrorComponentSchema } from "@/lib/system-errors/system-error-component";

// /admin/errors keeps its whole view in the URL, like the user inbox: a link reproduces
// it and the back button restores it. Pure and browser-safe: the page parses, the
// client serialises.

export const ADMIN_ERRORS_PATH = "/admin/errors";
export const SYSTEM_ERROR_PAGE_SIZE = 50;

export type SystemErrorParams = {
  severity?: Severity[];
  type?: string;
  component?: z.infer<typeof systemErrorComponentSchema>;
  unresolved: boolean;
  // ISO instants: created on or after `since`, before `until`.
  since?: string;
  until?: string;
  cursor?: string;
};

const isoInstant = z.iso.datetime({ offset: true });

// A hand-edited or outdated link still opens the page: each field falls back on its own.
const fieldSchemas = {
  severity: z
    .array(z.enum(Severity))
    .min(1)
    .transform((severities) => [...new Set(severities)])
    .optional()
    .catch(undefined),
  type: z.string().trim().min(1).max(100).optional().catch(undefined),
  component: systemErrorComponentSchema.optional().catch(undefined),
  since: isoInstant.optional().catch(undefined),
  until: isoInstant.optional().catch(undefined),
  cursor: z.string().min(1).max(512).optional().catch(undefined),
};

export function parseSystemErrorParams(raw: RawSearchParams): SystemErrorParams {
  const unresolved = firstValue(raw.unresolved);
  return {
    severity: fieldSchemas.severity.parse(listValue(raw.severity)),
    type: fieldSchemas.type.parse(firstValue(raw.type)),
    component: fieldSchemas.component.parse(firstValue(raw.component)),
    unresolved: unresolved === "1" || unresolved === "true",
    since: fieldSchemas.since.parse(firstValue(raw.since)),
    until: fieldSchemas.until.parse(firstValue(raw.until)),
    cursor: fieldSchemas.cursor.parse(firstValue(raw.cursor)),
  };
}

export function serializeSystemErrorParams(params: SystemErrorParams): string {
  const search = new URLSearchParams();
  if (params.severity?.length) search.set("severity", params.severity.join(","));
  if (params.type) search.set("type", params.type);
  if (params.component) search.set("component", params.component);
  if (params.unresolved) search.set("unresolved", "1");
  if (params.since) search.set("since", params.since);
  if (params.until) search.set("until", params.until);
  if (params.cursor) search.set("cursor", params.cursor);
  return search.toString();
}

export function systemErrorsHref(params: SystemErrorParams): string {
  const search = serializeSystemErrorParams(params);
  return search ? `${ADMIN_ERRORS_PATH}?${search}` : ADMIN_ERRORS_PATH;
}

// Any change to what is listed starts again from the newest page.
export function withSystemErrorChanges(
  params: SystemErrorParams,
  changes: Partial<Omit<SystemErrorParams, "cursor">>,
): SystemErrorParams {
  return { ...params, ...changes, cursor: undefined };
}

export function hasSystemErrorFilters(params: SystemErrorParams): boolean {
  return Boolean(
    params.severity?.length ||
      params.type ||
      params.component ||
      params.unresolved ||
      params.since ||
      params.until,
  );
}

export const emptySystemErrorParams: SystemErrorParams = { unresolved: false };
