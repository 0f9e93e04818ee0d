import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { IngestedEvent } from "@/lib/ingest/ingest-error-events";
import {
  type GroupSummary,
  listTouchedGroups,
  toIngestRealtimeEvents,
} from "@/lib/realtime/ingest-realtime-events";

function ingested(groupId: string, overrides: Partial<IngestedEvent> = {}): IngestedEvent {
  return {
    eventId: randomUUID(),
    id: randomUUID(),
    groupId,
    errorHash: "abcdef012345",
    isNewGroup: false,
    isReplay: false,
    groupStatus: "unresolved",
    isRegression: false,
    ...overrides,
  };
}

const traderId = randomUUID();

function summaries(...groupIds: string[]): Map<string, GroupSummary> {
  return new Map(groupIds.map((id) => [id, { traderId, title: `Title of ${id}` }]));
}

describe("listTouchedGroups", () => {
  it("marks a group the call opened as created, even when later events hit it again", () => {
    const group = randomUUID();
    const touched = listTouchedGroups([
      ingested(group, { isNewGroup: true }),
      ingested(group),
      ingested(group),
    ]);
    expect(touched).toEqual([{ groupId: group, change: "created", status: "unresolved" }]);
  });

  it("marks a reopened group as regressed and keeps the status after the last event", () => {
    const group = randomUUID();
    const touched = listTouchedGroups([
      ingested(group, { isRegression: true, groupStatus: "regressed" }),
      ingested(group, { groupStatus: "regressed" }),
    ]);
    expect(touched).toEqual([{ groupId: group, change: "regressed", status: "regressed" }]);
  });

  it("coalesces repeats of an existing group into one update, in first-seen order", () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const touched = listTouchedGroups([
      ingested(first),
      ingested(second, { isNewGroup: true }),
      ingested(first, { groupStatus: "ignored" }),
    ]);
    expect(touched).toEqual([
      { groupId: first, change: "updated", status: "ignored" },
      { groupId: second, change: "created", status: "unresolved" },
    ]);
  });

  it("leaves replays out: they changed nothing", () => {
    const group = randomUUID();
    expect(
      listTouchedGroups([
        ingested(group, { isReplay: true, groupStatus: null, isNewGroup: false }),
      ]),
    ).toEqual([]);
  });
});

describe("toIngestRealtimeEvents", () => {
  it("maps created, regressed and updated groups to their events", () => {
    const [created, regressed, updated] = [randomUUID(), randomUUID(), randomUUID()];
    const events = toIngestRealtimeEvents(
      [
        { groupId: created, change: "created", status: "unresolved" },
        { groupId: regressed, change: "regressed", status: "regressed" },
        { groupId: updated, change: "updated", status: "unresolved" },
      ],
      summaries(created, regressed),
    );
    expect(events).toEqual([
      { type: "group.created", groupId: created, traderId, title: `Title of ${created}` },
      { type: "group.regressed", groupId: regressed, traderId, title: `Title of ${regressed}` },
      { type: "group.updated", groupId: updated, status: "unresolved" },
    ]);
  });

  it("skips a new group that no longer exists (deleted before we published)", () => {
    const gone = randomUUID();
    expect(
      toIngestRealtimeEvents(
        [{ groupId: gone, change: "created", status: "unresolved" }],
        summaries(),
      ),
    ).toEqual([]);
  });
});
