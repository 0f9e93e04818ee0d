import type { AppErrorCode, ProblemField } from "@/lib/http/app-error";

// What a server action returns to the browser: errors are values the UI can show.
export type ActionResult<Data> =
  | { ok: true; data: Data }
  | { ok: false; code: AppErrorCode | "internal_error"; message: string; fields?: ProblemField[] };
