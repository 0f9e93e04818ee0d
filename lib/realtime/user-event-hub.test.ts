import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import { UserEventHub } from "@/lib/realtime/user-event-hub";

const event: RealtimeEvent = { type: "group.updated", groupId: randomUUID(), status: "resolved" };

function subscriber() {
  return { onEvent: vi.fn(), onInterrupted: vi.fn() };
}

describe("UserEventHub", () => {
  it("delivers only to the user's own subscribers, until they unsubscribe", () => {
    const hub = new UserEventHub();
    const [alice, bob] = [randomUUID(), randomUUID()];
    const aliceTab = subscriber();
    const bobTab = subscriber();
    const unsubscribe = hub.subscribe(alice, aliceTab);
    hub.subscribe(bob, bobTab);

    hub.dispatch(alice, event);
    expect(aliceTab.onEvent).toHaveBeenCalledWith(event);
    expect(bobTab.onEvent).not.toHaveBeenCalled();

    unsubscribe();
    hub.dispatch(alice, event);
    expect(aliceTab.onEvent).toHaveBeenCalledTimes(1);
  });

  it("keeps delivering to other tabs when one subscriber throws", () => {
    const hub = new UserEventHub();
    const user = randomUUID();
    const broken = {
      onEvent: vi.fn(() => {
        throw new Error("closed stream");
      }),
      onInterrupted: vi.fn(),
    };
    const healthy = subscriber();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    hub.subscribe(user, broken);
    hub.subscribe(user, healthy);

    hub.dispatch(user, event);
    expect(healthy.onEvent).toHaveBeenCalledWith(event);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("interrupts every subscriber, which may unsubscribe while being told", () => {
    const hub = new UserEventHub();
    const tabs = [subscriber(), subscriber()];
    for (const tab of tabs) {
      const unsubscribe = hub.subscribe(randomUUID(), tab);
      tab.onInterrupted.mockImplementation(unsubscribe);
    }
    hub.interruptAll();
    for (const tab of tabs) expect(tab.onInterrupted).toHaveBeenCalledOnce();
    hub.interruptAll();
    for (const tab of tabs) expect(tab.onInterrupted).toHaveBeenCalledOnce();
  });
});
