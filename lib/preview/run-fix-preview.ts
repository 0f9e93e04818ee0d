import { getDb } from "@/lib/db";
import { runFilterOnInputs } from "@/lib/filters/run-filter";
import { classifyPreviewChange } from "@/lib/preview/classify-preview-change";
import { collectPreviewInputs } from "@/lib/preview/collect-preview-inputs";
import { summarizePreview } from "@/lib/preview/describe-preview";
import { type FixBase, loadFixBase } from "@/lib/preview/load-fix-base";
import type { FixPreview, PreviewRow } from "@/lib/preview/preview-types";
import type { VerificationInput } from "@/lib/regeneration/collect-verification-inputs";
import { type RunOutcome, toRunOutcome } from "@/lib/regeneration/verification-report";

export type PreviewProgress = { done: number; total: number };

export type PreparedFixPreview = { base: FixBase; inputs: VerificationInput[] };

// Small enough that progress moves every few hundred milliseconds at most.
const CHUNK_SIZE = 8;

function toChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

async function runOutcomes(code: string, inputs: VerificationInput[]): Promise<RunOutcome[]> {
  const results = await runFilterOnInputs(
    code,
    inputs.map((entry) => entry.input),
  );
  return results.map(toRunOutcome);
}

/**
 * Everything a preview needs before any code runs: tenant-scoped (another user's
 * group is not_found), so a route can refuse before it starts streaming.
 */
export async function prepareFixPreview({
  userId,
  groupId,
}: {
  userId: string;
  groupId: string;
}): Promise<PreparedFixPreview> {
  const base = await loadFixBase({ userId, groupId });
  const inputs = await collectPreviewInputs(getDb(), {
    userId,
    traderId: base.traderId,
    failing: base.failing,
    failingEventId: base.failingEventId,
  });
  return { base, inputs };
}

/**
 * Runs the old and the new code on every prepared input in the sandbox, a chunk at a
 * time, reporting progress after each chunk; stops between chunks once `signal` aborts.
 */
export async function executeFixPreview(
  { base, inputs }: PreparedFixPreview,
  {
    code,
    onProgress,
    signal,
  }: { code: string; onProgress?: (progress: PreviewProgress) => void; signal?: AbortSignal },
): Promise<FixPreview> {
  const oldCode = base.old?.code ?? null;
  const total = inputs.length * (oldCode === null ? 1 : 2);
  let done = 0;
  const rows: PreviewRow[] = [];
  for (const chunk of toChunks(inputs, CHUNK_SIZE)) {
    signal?.throwIfAborted();
    const oldOutcomes = oldCode === null ? null : await runOutcomes(oldCode, chunk);
    if (oldOutcomes) {
      done += chunk.length;
      onProgress?.({ done, total });
    }
    signal?.throwIfAborted();
    const newOutcomes = await runOutcomes(code, chunk);
    done += chunk.length;
    onProgress?.({ done, total });
    chunk.forEach(({ id, label, source, input }, index) => {
      const old = oldOutcomes?.[index] ?? null;
      const next = newOutcomes[index]!;
      rows.push({
        id,
        label,
        source,
        symbol: input.symbol,
        interval: input.interval,
        old,
        new: next,
        change: classifyPreviewChange(old, next, { isFailingInput: source === "failing" }),
      });
    });
  }
  const baseInfo = base.old
    ? { label: base.old.label, versionId: base.old.versionId, version: base.old.version }
    : { label: "No earlier code", versionId: null, version: null };
  return {
    base: baseInfo,
    rows,
    summary: summarizePreview(rows, { hasOldCode: oldCode !== null }),
  };
}

// The behavioural diff of `code` against the group's base code, for the review screen.
export async function runFixPreview({
  userId,
  groupId,
  code,
  onProgress,
  signal,
}: {
  userId: string;
  groupId: string;
  code: string;
  onProgress?: (progress: PreviewProgress) => void;
  signal?: AbortSignal;
}): Promise<FixPreview> {
  const prepared = await prepareFixPreview({ userId, groupId });
  return executeFixPreview(prepared, { code, onProgress, signal });
}
