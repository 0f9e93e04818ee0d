import { z } from "zod";
import { AppError } from "@/lib/http/app-error";

// A keyset position: the sort key of the last row served plus its id (the tie-breaker).
// `sort` names the ordering the cursor belongs to, so a cursor from one ordering is
// refused under another instead of silently skipping or repeating rows.
export type PageCursor = { sort: string; key: string | number; id: string };

const pageCursorSchema = z.strictObject({
  sort: z.string().min(1).max(64),
  key: z.union([z.string().max(64), z.number()]),
  id: z.guid(),
});

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function invalidCursor(message: string): AppError {
  return new AppError("validation_failed", "The cursor is not valid for this query.", [
    { path: "cursor", message },
  ]);
}

function parseCursorJson(encoded: string): unknown {
  try {
    return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

export function decodePageCursor(encoded: string, expectedSort: string): PageCursor {
  const parsed = pageCursorSchema.safeParse(parseCursorJson(encoded));
  if (!parsed.success) throw invalidCursor("not a cursor issued by this API");
  if (parsed.data.sort !== expectedSort) {
    throw invalidCursor("the cursor belongs to a different sort or order");
  }
  return parsed.data;
}

// Date-keyed orderings store the key as an ISO string; anything else is a forged cursor.
export function cursorKeyAsDate(cursor: PageCursor): Date {
  const date = typeof cursor.key === "string" ? new Date(cursor.key) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw invalidCursor("malformed position");
  return date;
}

export function cursorKeyAsInt(cursor: PageCursor): number {
  if (typeof cursor.key !== "number" || !Number.isSafeInteger(cursor.key)) {
    throw invalidCursor("malformed position");
  }
  return cursor.key;
}
