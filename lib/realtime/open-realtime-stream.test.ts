import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openRealtimeStream } from "@/lib/realtime/open-realtime-stream";
import type { UserEventSubscriber } from "@/lib/realtime/realtime-driver";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

const event: RealtimeEvent = { type: "group.updated", groupId: randomUUID(), status: "resolved" };

// A subscribe function that hands the test the subscriber and counts unsubscribes.
function fakeSubscription() {
  const state = { subscriber: null as UserEventSubscriber | null, unsubscribed: 0 };
  const subscribe = async (subscriber: UserEventSubscriber) => {
    state.subscriber = subscriber;
    return () => {
      state.unsubscribed += 1;
    };
  };
  return { state, subscribe };
}

const decoder = new TextDecoder();

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  if (done) throw new Error("the stream ended");
  return decoder.decode(value);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("openRealtimeStream", () => {
  it("answers an event stream that starts with a retry hint and carries events as data lines", async () => {
    const { state, subscribe } = fakeSubscription();
    const abort = new AbortController();
    const response = await openRealtimeStream({ subscribe, signal: abort.signal, retryMs: 2_500 });

    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    expect(await readChunk(reader)).toBe("retry: 2500\n: connected\n\n");

    state.subscriber?.onEvent(event);
    expect(await readChunk(reader)).toBe(`data: ${JSON.stringify(event)}\n\n`);
    abort.abort();
  });

  it("sends a heartbeat comment while idle", async () => {
    vi.useFakeTimers();
    const { subscribe } = fakeSubscription();
    const abort = new AbortController();
    const response = await openRealtimeStream({
      subscribe,
      signal: abort.signal,
      heartbeatMs: 15_000,
    });
    const reader = response.body!.getReader();
    await readChunk(reader);

    const next = readChunk(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await next).toBe(": heartbeat\n\n");
    abort.abort();
  });

  it("ends the stream and unsubscribes once when the request aborts", async () => {
    const { state, subscribe } = fakeSubscription();
    const abort = new AbortController();
    const response = await openRealtimeStream({ subscribe, signal: abort.signal });
    const reader = response.body!.getReader();
    await readChunk(reader);

    abort.abort();
    expect(await reader.read()).toEqual({ value: undefined, done: true });
    expect(state.unsubscribed).toBe(1);
    // Late events after the end are dropped, not written to a closed stream.
    expect(() => state.subscriber?.onEvent(event)).not.toThrow();
    expect(state.unsubscribed).toBe(1);
  });

  it("unsubscribes when the browser cancels the body", async () => {
    const { state, subscribe } = fakeSubscription();
    const response = await openRealtimeStream({ subscribe, signal: new AbortController().signal });
    await response.body!.cancel();
    expect(state.unsubscribed).toBe(1);
  });

  it("ends the stream when the driver reports missed events, so the browser reconnects", async () => {
    const { state, subscribe } = fakeSubscription();
    const response = await openRealtimeStream({ subscribe, signal: new AbortController().signal });
    const reader = response.body!.getReader();
    await readChunk(reader);

    state.subscriber?.onInterrupted();
    expect((await reader.read()).done).toBe(true);
    expect(state.unsubscribed).toBe(1);
  });

  it("fails before answering when the subscription cannot be made", async () => {
    const subscribe = () => Promise.reject(new Error("connection refused"));
    await expect(
      openRealtimeStream({ subscribe, signal: new AbortController().signal }),
    ).rejects.toThrow("connection refused");
  });
});
