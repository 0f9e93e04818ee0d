import type { ZodError } from "zod";
import type { ProblemField } from "@/lib/http/app-error";

export function zodIssuesToFields(error: ZodError): ProblemField[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join(".") : "(root)",
    message: issue.message,
  }));
}
