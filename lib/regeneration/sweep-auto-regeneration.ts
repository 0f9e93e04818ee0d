import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  type AutoRegenerationResult,
  maybeAutoRegenerate,
} from "@/lib/regeneration/maybe-auto-regenerate";
import { failStuckAttempts } from "@/lib/regeneration/stuck-attempts";

export type SweepResult = {
  stuckFailed: number;
  candidates: number;
  requested: number;
  skipped: number;
};

const DEFAULT_SWEEP_LIMIT = 25;

/**
 * The periodic half of the automatic trigger (the cron route calls it): groups whose
 * owner's policy covers them, open, at or past the event threshold and without an
 * attempt in their current occurrence, most recently seen first. It catches groups
 * that crossed the threshold after their new-group or regression notification, and
 * those a cap held back. Users without an ai_settings row have the default policy
 * (off), so the join skips them. Also fails attempts whose worker died.
 */
export async function sweepAutoRegeneration({
  now = new Date(),
  limit = DEFAULT_SWEEP_LIMIT,
}: {
  now?: Date;
  limit?: number;
} = {}): Promise<SweepResult> {
  const db = getDb();
  const stuckFailed = await failStuckAttempts(db, { now });
  if (env.AI_FIXES === "off") return { stuckFailed, candidates: 0, requested: 0, skipped: 0 };
  // The policy's error types as in isAutoFixedType; maybeAutoRegenerate re-checks each.
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT g.id FROM error_groups g
    JOIN ai_settings s ON s.user_id = g.user_id
    WHERE s.regeneration_policy <> 'off'
      AND (s.regeneration_policy = 'all' OR g.error_type IN ('compilation', 'runtime'))
      AND g.status IN ('unresolved', 'regressed')
      AND g.event_count >= s.auto_trigger_min_events
      AND NOT EXISTS (
        SELECT 1 FROM regeneration_attempts a
        WHERE a.group_id = g.id AND a.created_at >= COALESCE(g.regressed_at, '-infinity')
      )
    ORDER BY g.last_seen_at DESC, g.id
    LIMIT ${limit}::int`;
  // One at a time: each takes its owner's lock, and a burst gains nothing here.
  const results: AutoRegenerationResult[] = [];
  for (const candidate of candidates) {
    results.push(await maybeAutoRegenerate({ groupId: candidate.id, now }));
  }
  const requested = results.filter((entry) => entry.result === "requested").length;
  return {
    stuckFailed,
    candidates: candidates.length,
    requested,
    skipped: results.length - requested,
  };
}
