import { createHash } from "node:crypto";

// Prisma stores the sha256 of the migration.sql bytes as lowercase hex.
export function computeMigrationChecksum(script: Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

// Prisma also accepts a script whose line endings were converted by git
// (autocrlf) after it was applied, so a Windows checkout is not "modified".
export function isChecksumMatch(script: Buffer, checksum: string): boolean {
  const text = script.toString("utf8");
  const variants = [
    script,
    Buffer.from(text.replaceAll("\r\n", "\n"), "utf8"),
    Buffer.from(text.replaceAll(/\r?\n/g, "\r\n"), "utf8"),
  ];
  return variants.some((variant) => computeMigrationChecksum(variant) === checksum);
}
