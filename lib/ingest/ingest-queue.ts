import type { Pool } from "pg";
import {
  type EventToInsert,
  type IngestedEvent,
  type InsertOutcome,
  insertEvents,
  isRetryableConflict,
} from "@/lib/ingest/insert-events";

type Waiter = EventToInsert & {
  resolve(result: IngestedEvent): void;
  reject(error: unknown): void;
};

type Lane = { waiting: Waiter[]; isFlushing: boolean };

const MAX_EVENTS_PER_STATEMENT = 100;

// Group commit for single events: while one statement of a user's events is in
// flight, the next requests wait and then go together in one statement. Nothing
// waits on a timer (an idle lane flushes at once), every request is answered only
// after its own row committed, and a hot group's row lock is taken once per
// statement instead of once per event.
export class IngestQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly pool: Pool) {}

  submit(userId: string, item: EventToInsert): Promise<IngestedEvent> {
    return new Promise((resolve, reject) => {
      const lane = this.laneOf(userId);
      lane.waiting.push({ ...item, resolve, reject });
      if (!lane.isFlushing) void this.drain(userId, lane);
    });
  }

  private laneOf(userId: string): Lane {
    let lane = this.lanes.get(userId);
    if (!lane) {
      lane = { waiting: [], isFlushing: false };
      this.lanes.set(userId, lane);
    }
    return lane;
  }

  private async drain(userId: string, lane: Lane): Promise<void> {
    lane.isFlushing = true;
    while (lane.waiting.length > 0) {
      const batch = takeDistinct(lane, MAX_EVENTS_PER_STATEMENT);
      await this.flush(userId, batch);
    }
    lane.isFlushing = false;
    this.lanes.delete(userId);
  }

  private async flush(userId: string, batch: Waiter[], retries = 2): Promise<void> {
    try {
      settle(batch, await insertEvents(this.pool, userId, batch));
    } catch (error) {
      if (!isRetryableConflict(error) || retries === 0) {
        for (const waiter of batch) waiter.reject(error);
        return;
      }
      // Another statement stored one of these keys first (or deadlocked with us):
      // one by one, each event then finds its stored twin (a replay) or goes in alone.
      for (const waiter of batch) await this.flush(userId, [waiter], retries - 1);
    }
  }
}

// Two requests with the same event id never share a statement: the second waits
// for the next one, where it is answered as a replay of the first.
function takeDistinct(lane: Lane, limit: number): Waiter[] {
  const taken: Waiter[] = [];
  const left: Waiter[] = [];
  const ids = new Set<string>();
  for (const waiter of lane.waiting) {
    if (taken.length < limit && !ids.has(waiter.event.eventId)) {
      ids.add(waiter.event.eventId);
      taken.push(waiter);
    } else left.push(waiter);
  }
  lane.waiting = left;
  return taken;
}

function settle(batch: Waiter[], outcomes: InsertOutcome[]): void {
  batch.forEach((waiter, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) waiter.resolve(outcome.result);
    else waiter.reject(outcome?.error ?? new Error("The insert returned no outcome."));
  });
}
