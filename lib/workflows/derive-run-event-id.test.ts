import { describe, expect, it } from "vitest";
import { errorEventSchema } from "@/lib/ingest/error-event-schema";
import { deriveRunEventId } from "@/lib/workflows/derive-run-event-id";

const scheduleId = "6f1c2a52-4a53-4a8e-9d4f-0c6d1e2b3a49";
const candle = new Date("2026-11-24T10:15:00.000Z");

describe("deriveRunEventId", () => {
  it("is stable for one schedule and candle, whatever the input's time zone notation", () => {
    const sameInstant = new Date("2026-11-24T11:15:00.000+01:00");
    expect(deriveRunEventId(scheduleId, candle)).toBe(deriveRunEventId(scheduleId, sameInstant));
  });

  it("differs per candle and per schedule", () => {
    const next = new Date(candle.getTime() + 60_000);
    const other = "0b8a6f4e-2d7c-4c1b-8e3a-5f9d2c1b0a77";
    const ids = new Set([
      deriveRunEventId(scheduleId, candle),
      deriveRunEventId(scheduleId, next),
      deriveRunEventId(other, candle),
    ]);
    expect(ids.size).toBe(3);
  });

  it("is an event_id the ingestion schema accepts", () => {
    const eventId = deriveRunEventId(scheduleId, candle);
    expect(eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const parsed = errorEventSchema.safeParse({
      event_id: eventId,
      error_type: "runtime",
      error_message: "x",
    });
    expect(parsed.success).toBe(true);
  });
});
