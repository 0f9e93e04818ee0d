import { ZodError } from "zod";
import { toUnavailableError } from "@/lib/db-availability/to-unavailable-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { problemResponse } from "@/lib/http/problem";
import { zodIssuesToFields } from "@/lib/http/zod-fields";

export function handleApiError(error: unknown): Response {
  if (error instanceof AppError) {
    const headers =
      error.retryAfterSeconds === undefined
        ? undefined
        : { "retry-after": String(Math.ceil(error.retryAfterSeconds)) };
    return problemResponse(error.code, error.status, error.message, {
      errors: error.fields,
      headers,
    });
  }
  if (error instanceof ZodError) {
    return problemResponse(
      "validation_failed",
      422,
      "The request body does not match the schema.",
      {
        errors: zodIssuesToFields(error),
      },
    );
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return problemResponse("not_found", 404, "The resource does not exist.");
  }
  const unavailable = toUnavailableError(error);
  if (unavailable) {
    console.warn("[api] database unavailable", error);
    return handleApiError(unavailable);
  }
  console.error("[api] unhandled error", error);
  return problemResponse("internal_error", 500, "Something went wrong on our side.");
}
