import { createHash } from "node:crypto";

/**
 * A run's error reported without its own event_id gets one derived from (schedule,
 * candle): the same report retried — concurrently, or after a crash between ingestion
 * and recording the run — is then an ingestion replay, never a second stored event.
 */
export function deriveRunEventId(scheduleId: string, candleTime: Date): string {
  const hex = createHash("sha256")
    .update(`workflow-run:${scheduleId}:${candleTime.toISOString()}`)
    .digest("hex");
  // RFC 9562 version 8 (custom) with the RFC variant bits, so it is a valid event_id.
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}
