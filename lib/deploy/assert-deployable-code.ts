import { compileFilter } from "@/lib/filters/compile-filter";
import { AppError } from "@/lib/http/app-error";

// Far above any real filter; keeps one version row (and every executor poll) small.
export const MAX_CODE_LENGTH = 200_000;

function refuse(message: string): never {
  throw new AppError("validation_failed", message, [{ path: "code", message }]);
}

// Nothing that fails to parse ever becomes a version: the executor would only crash
// on it. The message names the line so an editor can point at it.
export async function assertDeployableCode(code: string): Promise<void> {
  if (code.trim() === "") refuse("The code is empty.");
  if (code.length > MAX_CODE_LENGTH) {
    refuse(`The code is longer than ${MAX_CODE_LENGTH} characters.`);
  }
  const result = await compileFilter(code);
  if (result.ok) return;
  const where = result.line ? ` (line ${result.line})` : "";
  throw new AppError("validation_failed", `The code does not compile${where}: ${result.message}`, [
    {
      path: "code",
      message: result.line ? `line ${result.line}: ${result.message}` : result.message,
    },
  ]);
}
