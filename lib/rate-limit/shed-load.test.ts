import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/app-error";
import { createLoadShedder } from "@/lib/rate-limit/shed-load";

describe("createLoadShedder", () => {
  it("refuses work past the in-flight limit with a 429 and frees slots when work ends", async () => {
    const shedder = createLoadShedder(2);
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = shedder.run(() => blocker);
    const second = shedder.run(() => blocker);
    const refused = shedder.run(async () => "never");
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 1 });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    expect(shedder.inFlight).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(shedder.inFlight).toBe(0);
    await expect(shedder.run(async () => "ok")).resolves.toBe("ok");
  });

  it("frees the slot when work throws", async () => {
    const shedder = createLoadShedder(1);
    await expect(shedder.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    await expect(shedder.run(async () => "ok")).resolves.toBe("ok");
  });
});
