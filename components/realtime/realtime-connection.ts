import type { RealtimeStatus } from "@/components/realtime/realtime-context";

// What a driver's browser side reports; the provider validates each message.
export type RealtimeConnectionHandlers = {
  onMessage(data: unknown): void;
  onStatus(status: RealtimeStatus): void;
};

export type RealtimeConnection = { close(): void };

// Capped, jittered exponential backoff for reconnects the browser does not do itself.
export function reconnectDelayMs(failures: number): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** failures);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
