import { createHash } from "node:crypto";
import type { TraderState } from "@/lib/generated/prisma/enums";

// Strong ETag of what an executor runs: the version id pins the code byte for byte
// (versions are immutable) and the state says whether to run it at all.
export function buildTraderCodeEtag({
  versionId,
  state,
}: {
  versionId: string;
  state: TraderState;
}): string {
  return `"${versionId}.${state}"`;
}

// One tag for a whole listing: it changes when any trader's tag does.
export function buildListEtag(etags: readonly string[]): string {
  return `"${createHash("sha256").update(etags.join("\n")).digest("hex").slice(0, 32)}"`;
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
export function isEtagMatching(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((candidate) => candidate.trim().replace(/^W\//, ""))
    .some((candidate) => candidate === "*" || candidate === etag);
}
