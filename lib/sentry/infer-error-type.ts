import type { ExecutionErrorType } from "@/lib/generated/prisma/enums";
import type { SentryEvent } from "@/lib/sentry/sentry-event-schema";

const ERROR_TYPES: readonly ExecutionErrorType[] = ["compilation", "runtime", "timeout", "panic"];

function asErrorType(value: unknown): ExecutionErrorType | undefined {
  return ERROR_TYPES.find((type) => type === value);
}

function readDeclaredType(event: SentryEvent): ExecutionErrorType | undefined {
  const faultline = event.contexts?.faultline;
  const fromContext =
    typeof faultline === "object" && faultline !== null && "error_type" in faultline
      ? faultline.error_type
      : undefined;
  return asErrorType(event.tags?.error_type) ?? asErrorType(fromContext);
}

// Executors that know what failed say so (tag or `faultline` context); for plain SDK
// events the class of the raised exception is the best signal we have.
export function inferErrorType(event: SentryEvent, exceptionType: string | undefined) {
  const declared = readDeclaredType(event);
  if (declared) return declared;
  if (event.level === "fatal") return "panic";
  const type = exceptionType ?? "";
  if (/syntax/i.test(type)) return "compilation";
  if (/timeout|deadline/i.test(type)) return "timeout";
  return "runtime";
}
