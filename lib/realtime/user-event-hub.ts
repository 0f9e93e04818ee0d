import type { UserEventSubscriber } from "@/lib/realtime/realtime-driver";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// In-memory fan-out to the SSE streams of this process, keyed by user.
export class UserEventHub {
  private readonly subscribers = new Map<string, Set<UserEventSubscriber>>();

  subscribe(userId: string, subscriber: UserEventSubscriber): () => void {
    const forUser = this.subscribers.get(userId) ?? new Set();
    forUser.add(subscriber);
    this.subscribers.set(userId, forUser);
    return () => {
      forUser.delete(subscriber);
      if (forUser.size === 0 && this.subscribers.get(userId) === forUser) {
        this.subscribers.delete(userId);
      }
    };
  }

  dispatch(userId: string, event: RealtimeEvent): void {
    // Copied: a subscriber may unsubscribe while we iterate.
    for (const subscriber of [...(this.subscribers.get(userId) ?? [])]) {
      notifySafely(() => subscriber.onEvent(event));
    }
  }

  interruptAll(): void {
    for (const forUser of [...this.subscribers.values()]) {
      for (const subscriber of [...forUser]) notifySafely(() => subscriber.onInterrupted());
    }
  }
}

// One broken stream must not keep the event from the user's other tabs.
function notifySafely(notify: () => void): void {
  try {
    notify();
  } catch (error) {
    console.error("[realtime] subscriber threw", error);
  }
}
