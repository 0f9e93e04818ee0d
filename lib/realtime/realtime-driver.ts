import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

// What an SSE stream hears for one user. onInterrupted means events may have been
// missed (the database connection dropped): the stream closes so the browser
// reconnects and refetches instead of silently showing stale data.
export type UserEventSubscriber = {
  onEvent(event: RealtimeEvent): void;
  onInterrupted(): void;
};

type Publisher = {
  // Rejects on failure; publishToUser is the caller that turns that into a log line.
  publish(userId: string, events: RealtimeEvent[]): Promise<void>;
};

// Pusher delivers to browsers itself; the built-in driver fans out to this process's
// SSE streams, so only it can be subscribed to.
export type PusherRealtimeDriver = Publisher & { kind: "pusher" };

export type PostgresRealtimeDriver = Publisher & {
  kind: "postgres";
  // Resolves once events for userId will reach the subscriber; returns the unsubscribe.
  subscribe(userId: string, subscriber: UserEventSubscriber): Promise<() => void>;
  close(): Promise<void>;
};

export type RealtimeDriver = PusherRealtimeDriver | PostgresRealtimeDriver;
