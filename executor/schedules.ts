import type { ApiClient } from "@/executor/api-client";
import type { TraderCode } from "@/executor/trader-code";
import {
  createScheduleResponseSchema,
  type ScheduleJson,
  scheduleListResponseSchema,
  scheduleResponseSchema,
} from "@/lib/workflows/workflow-schemas";

export type ScheduleSlot = {
  traderId: string;
  symbol: string;
  scheduleId: string;
  isActive: boolean;
  /** Candles closing at or before this (epoch ms) were already processed: skip them. */
  resumeAfter: number;
  /** The code version running when the server stopped the schedule. */
  stoppedAtVersionId: string | null;
  stopReason: string | null;
};

export type ScheduleBook = {
  /** Creates (idempotently) or reloads the trader's schedule of every symbol. */
  sync(trader: TraderCode): Promise<ScheduleSlot[]>;
  /** Asks the server again about stopped schedules: the user may have re-enabled them. */
  recheckStopped(trader: TraderCode): Promise<ScheduleSlot[]>;
  /** The active schedule that has not yet processed this candle, if any. */
  runnableSlot(traderId: string, symbol: string, closeTime: number): ScheduleSlot | undefined;
  find(scheduleId: string): ScheduleSlot | undefined;
  recordRun(scheduleId: string, closeTime: number): void;
  markStopped(scheduleId: string, reason: string, versionId: string | null): ScheduleSlot | null;
  stopTrader(traderId: string, reason: string): Promise<void>;
  slots(): ScheduleSlot[];
};

export const SIGNAL_MONITORING = "signal_monitoring";

// The executor's own name for what a schedule watches: stable across restarts, so
// creating it again finds the same schedule.
export function scheduleEntityId(traderId: string, symbol: string, interval: string): string {
  return `${traderId}:${symbol}:${interval}`;
}

function describeSlot(slot: ScheduleSlot): string {
  return `${slot.symbol} of trader ${slot.traderId.slice(0, 8)}`;
}

function epochOf(iso: string | null): number {
  return iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso);
}

// Which schedule runs which trader × symbol, and from which candle on. The server
// owns the schedule (active or not, last candle processed); `reportedUpTo` adds the
// candles this executor has spooled but not yet delivered, so a restart neither
// reprocesses them nor waits for the server to hear of them.
export function createScheduleBook(options: {
  client: ApiClient;
  interval: string;
  symbols: readonly string[];
  reportedUpTo?: (scheduleId: string) => number | undefined;
  log?: (line: string) => void;
}): ScheduleBook {
  const { client, interval, symbols } = options;
  const log = options.log ?? (() => {});
  const byId = new Map<string, ScheduleSlot>();
  const byKey = new Map<string, string>();
  const keyOf = (traderId: string, symbol: string) => `${traderId}\n${symbol}`;

  function store(schedule: ScheduleJson, trader: TraderCode): ScheduleSlot {
    const known = byId.get(schedule.id);
    const resumeAfter = Math.max(
      epochOf(schedule.last_candle_time),
      options.reportedUpTo?.(schedule.id) ?? Number.NEGATIVE_INFINITY,
      known?.resumeAfter ?? Number.NEGATIVE_INFINITY,
    );
    const slot: ScheduleSlot = {
      traderId: schedule.trader_id,
      symbol: schedule.symbol,
      scheduleId: schedule.id,
      isActive: schedule.is_active,
      resumeAfter,
      stoppedAtVersionId: schedule.is_active ? null : trader.versionId,
      stopReason: schedule.stop_reason,
    };
    byId.set(slot.scheduleId, slot);
    byKey.set(keyOf(slot.traderId, slot.symbol), slot.scheduleId);
    if (known && !known.isActive && slot.isActive) {
      log(`schedule ${describeSlot(slot)} is active again (re-enabled), resuming`);
    }
    return slot;
  }

  async function listActive(traderId: string): Promise<ScheduleJson[]> {
    const query = new URLSearchParams({ trader_id: traderId, active: "true" });
    const list = await client.getJson(
      `/api/executor/schedules?${query}`,
      scheduleListResponseSchema,
    );
    return list.schedules.filter((schedule) => schedule.interval === interval);
  }

  async function createOrLoad(trader: TraderCode, symbol: string): Promise<ScheduleJson> {
    const answer = await client.postJson(
      "/api/executor/schedules",
      {
        workflow_type: SIGNAL_MONITORING,
        entity_id: scheduleEntityId(trader.traderId, symbol, interval),
        trader_id: trader.traderId,
        symbol,
        interval,
      },
      createScheduleResponseSchema,
    );
    if (answer.created) log(`created schedule ${trader.name} ${symbol} ${interval}`);
    return answer.schedule;
  }

  return {
    async sync(trader) {
      // Reload first (what a restarted executor resumes), create what is missing.
      const active = new Map(
        (await listActive(trader.traderId)).map((schedule) => [schedule.symbol, schedule]),
      );
      const slots: ScheduleSlot[] = [];
      for (const symbol of symbols) {
        const known = byId.get(byKey.get(keyOf(trader.traderId, symbol)) ?? "");
        // A schedule stopped under this very code stays stopped until the code changes.
        if (known && !known.isActive && known.stoppedAtVersionId === trader.versionId) {
          slots.push(known);
          continue;
        }
        const schedule = active.get(symbol) ?? (await createOrLoad(trader, symbol));
        const slot = store(schedule, trader);
        if (!slot.isActive) {
          log(
            `schedule ${describeSlot(slot)} is stopped (${slot.stopReason ?? "no reason"}): skipping it`,
          );
        }
        slots.push(slot);
      }
      return slots;
    },
    async recheckStopped(trader) {
      const stopped = [...byId.values()].filter(
        (slot) => slot.traderId === trader.traderId && !slot.isActive,
      );
      if (stopped.length === 0) return [];
      const active = new Map(
        (await listActive(trader.traderId)).map((schedule) => [schedule.id, schedule]),
      );
      return stopped.flatMap((slot) => {
        const schedule = active.get(slot.scheduleId);
        return schedule ? [store(schedule, trader)] : [];
      });
    },
    runnableSlot(traderId, symbol, closeTime) {
      const slot = byId.get(byKey.get(keyOf(traderId, symbol)) ?? "");
      return slot?.isActive && closeTime > slot.resumeAfter ? slot : undefined;
    },
    find: (scheduleId) => byId.get(scheduleId),
    recordRun(scheduleId, closeTime) {
      const slot = byId.get(scheduleId);
      if (slot) slot.resumeAfter = Math.max(slot.resumeAfter, closeTime);
    },
    markStopped(scheduleId, reason, versionId) {
      const slot = byId.get(scheduleId);
      if (!slot?.isActive) return null;
      slot.isActive = false;
      slot.stopReason = reason;
      slot.stoppedAtVersionId = versionId;
      return slot;
    },
    async stopTrader(traderId, reason) {
      for (const slot of byId.values()) {
        if (slot.traderId !== traderId || !slot.isActive) continue;
        const path = `/api/executor/schedules/${encodeURIComponent(slot.scheduleId)}/stop`;
        await client.postJson(path, { reason }, scheduleResponseSchema);
        slot.isActive = false;
        slot.stopReason = reason;
      }
    },
    slots: () => [...byId.values()],
  };
}
