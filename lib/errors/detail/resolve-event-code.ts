import { getDb } from "@/lib/db";
import type { ErrorEventRecord } from "@/lib/errors/query/error-group-json";
import type { CodeSource } from "@/lib/generated/prisma/enums";

export type EventCode =
  | {
      origin: "version";
      code: string;
      versionId: string;
      version: number;
      source: CodeSource;
      createdAt: Date;
    }
  | { origin: "snapshot"; code: string };

// The code that failed: the stored version the executor named, else the copy of the
// filter it sent along. Never the trader's current version, which may have changed since.
export async function resolveEventCode({
  userId,
  event,
}: {
  userId: string;
  event: Pick<ErrorEventRecord, "traderId" | "codeVersionId" | "filterCodeSnapshot">;
}): Promise<EventCode | null> {
  if (event.codeVersionId) {
    const version = await getDb().traderCodeVersion.findFirst({
      where: { id: event.codeVersionId, traderId: event.traderId, trader: { userId } },
      select: { id: true, version: true, code: true, source: true, createdAt: true },
    });
    if (version) {
      return {
        origin: "version",
        code: version.code,
        versionId: version.id,
        version: version.version,
        source: version.source,
        createdAt: version.createdAt,
      };
    }
  }
  return event.filterCodeSnapshot ? { origin: "snapshot", code: event.filterCodeSnapshot } : null;
}
