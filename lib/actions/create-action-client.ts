import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/http/app-error";
import { zodIssuesToFields } from "@/lib/http/zod-fields";

type ActionContext<Input> = { user: SessionUser; input: Input };

// The one audited entry point for server actions: every action validates its input
// with zod and runs only with a signed-in user (and, for admin actions, an admin).
export function createActionClient(getUser: () => Promise<SessionUser | null>) {
  function define(requiredRole: SessionUser["role"] | null) {
    return <Schema extends z.ZodType, Data>(
      schema: Schema,
      handler: (context: ActionContext<z.infer<Schema>>) => Promise<Data>,
    ) =>
      async (rawInput: z.input<Schema>): Promise<ActionResult<Data>> => {
        const user = await getUser();
        if (!user)
          return {
            ok: false,
            code: "unauthorized",
            message: "Your session has ended: sign in again.",
          };
        if (requiredRole && user.role !== requiredRole) {
          return { ok: false, code: "not_found", message: "Not found." };
        }
        const parsed = schema.safeParse(rawInput);
        if (!parsed.success) {
          return {
            ok: false,
            code: "validation_failed",
            message: "Some fields are not valid.",
            fields: zodIssuesToFields(parsed.error),
          };
        }
        try {
          return { ok: true, data: await handler({ user, input: parsed.data }) };
        } catch (error) {
          if (error instanceof AppError)
            return { ok: false, code: error.code, message: error.message, fields: error.fields };
          console.error("[action] unhandled error", error);
          return {
            ok: false,
            code: "internal_error",
            message: "Something went wrong on our side.",
          };
        }
      };
  }
  return { userAction: define(null), adminAction: define("admin") };
}
