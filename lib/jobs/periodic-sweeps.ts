import { resolveWatchedGroups } from "@/lib/deploy/resolve-watched-groups";
import { sweepAutoRegeneration } from "@/lib/regeneration/sweep-auto-regeneration";

type Sweep = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

// Work that is due by the clock rather than by an event: watch windows that ended
// clean, and groups that crossed the auto-fix threshold after their notification.
export const periodicSweeps: readonly Sweep[] = [
  { name: "watch windows", everyMs: 60_000, run: (now) => resolveWatchedGroups({ now }) },
  { name: "auto fixes", everyMs: 5 * 60_000, run: (now) => sweepAutoRegeneration({ now }) },
];

// Runs the sweeps whose interval has passed since `lastRuns` (kept by the caller).
export async function runDueSweeps(lastRuns: Map<string, number>, now = new Date()) {
  for (const sweep of periodicSweeps) {
    if (now.getTime() - (lastRuns.get(sweep.name) ?? 0) < sweep.everyMs) continue;
    lastRuns.set(sweep.name, now.getTime());
    await sweep.run(now).catch((error: unknown) => {
      console.warn(`[jobs] ${sweep.name} sweep failed`, error);
    });
  }
}
