import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { createKeyedSlots } from "@/lib/rate-limit/keyed-slots";

const messages = { perKey: "yours is running", total: "too many running" };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("createKeyedSlots", () => {
  it("refuses a key past its own limit with a 429 and Retry-After, and frees the slot on release", () => {
    const slots = createKeyedSlots({ maxPerKey: 1, maxTotal: 5, retryAfterSeconds: 3, messages });
    const release = slots.acquire("alice");
    const error = refusal(() => slots.acquire("alice"));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 3 });
    expect(error.message).toBe(messages.perKey);
    expect(() => slots.acquire("bob")()).not.toThrow();
    release();
    expect(slots.inFlight).toBe(0);
    expect(() => slots.acquire("alice")).not.toThrow();
  });

  it("refuses everyone once the total is reached", () => {
    const slots = createKeyedSlots({ maxPerKey: 2, maxTotal: 2, retryAfterSeconds: 1, messages });
    slots.acquire("alice");
    const releaseBob = slots.acquire("bob");
    expect(refusal(() => slots.acquire("carol")).message).toBe(messages.total);
    releaseBob();
    expect(() => slots.acquire("carol")).not.toThrow();
  });

  it("ignores a second release of the same slot", () => {
    const slots = createKeyedSlots({ maxPerKey: 2, maxTotal: 3, retryAfterSeconds: 1, messages });
    const release = slots.acquire("alice");
    slots.acquire("alice");
    release();
    release();
    expect(slots.inFlight).toBe(1);
    slots.acquire("bob");
    slots.acquire("carol");
    expect(refusal(() => slots.acquire("dave")).message).toBe(messages.total);
  });
});
