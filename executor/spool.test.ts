import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openSpool } from "@/executor/spool";

const schema = z.object({ n: z.int() });

describe("openSpool", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "executor-spool-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps unacked entries across a crash, drops acked ones and skips a torn last line", () => {
    const first = openSpool({ dir, schema, compactEvery: 1_000 });
    for (let n = 1; n <= 5; n += 1) first.enqueue({ n });
    first.ack(1);
    first.ack(2);
    // A crash: no close(), and half of an append on disk.
    appendFileSync(path.join(dir, "reports.jsonl"), '{"seq":6,"payload":{"n":');

    const recoveries: unknown[] = [];
    const reopened = openSpool({ dir, schema, onRecover: (r) => recoveries.push(r) });
    expect(recoveries).toEqual([{ pending: 3, skippedLines: 1 }]);
    expect(reopened.entries().map((entry) => entry.payload.n)).toEqual([3, 4, 5]);

    // The torn tail is cut off, so the next append is a line of its own.
    const next = reopened.enqueue({ n: 6 });
    expect(next.seq).toBe(6);
    reopened.ack(3);
    const again = openSpool({ dir, schema });
    expect(again.entries().map((entry) => [entry.seq, entry.payload.n])).toEqual([
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
  });

  it("skips a corrupt line in the middle without losing its neighbours", () => {
    const spool = openSpool({ dir, schema });
    spool.enqueue({ n: 1 });
    appendFileSync(path.join(dir, "reports.jsonl"), "not json\n");
    spool.enqueue({ n: 2 });

    const reopened = openSpool({ dir, schema, onRecover: () => {} });
    expect(reopened.entries().map((entry) => entry.payload.n)).toEqual([1, 2]);
  });

  it("acks only the head, so acknowledgement stays in order", () => {
    const spool = openSpool({ dir, schema });
    spool.enqueue({ n: 1 });
    spool.enqueue({ n: 2 });
    expect(() => spool.ack(2)).toThrow(/head/);
    expect(spool.size).toBe(2);
  });

  it("compacts the log once enough entries are acked, keeping sequence numbers", () => {
    const spool = openSpool({ dir, schema, compactEvery: 3 });
    for (let n = 1; n <= 4; n += 1) spool.enqueue({ n });
    spool.ack(1);
    spool.ack(2);
    spool.ack(3);
    const lines = readFileSync(path.join(dir, "reports.jsonl"), "utf8").trim().split("\n");
    expect(lines).toEqual(['{"seq":4,"payload":{"n":4}}']);

    spool.close();
    const reopened = openSpool({ dir, schema });
    expect(reopened.entries()).toEqual([{ seq: 4, payload: { n: 4 } }]);
    expect(reopened.enqueue({ n: 5 }).seq).toBe(5);
  });

  it("continues numbering after everything was acked and compacted away", () => {
    const spool = openSpool({ dir, schema });
    spool.enqueue({ n: 1 });
    spool.ack(1);
    spool.close();
    expect(readFileSync(path.join(dir, "reports.jsonl"), "utf8")).toBe("");
    const reopened = openSpool({ dir, schema });
    expect(reopened.size).toBe(0);
    expect(reopened.enqueue({ n: 2 }).seq).toBe(2);
  });
});
