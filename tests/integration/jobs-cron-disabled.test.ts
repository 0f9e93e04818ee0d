import { describe, expect, it } from "vitest";
import { jsonRequest, noParams } from "@/tests/support/api-request";

describe("cron routes without CRON_SECRET", () => {
  it("do not exist (404), whatever is presented", async () => {
    delete process.env.CRON_SECRET;
    const jobs = await import("@/app/api/cron/jobs/route");
    const digest = await import("@/app/api/cron/digest/route");

    for (const handler of [jobs.GET, jobs.POST, digest.GET, digest.POST]) {
      const response = await handler(
        jsonRequest("/api/cron/x", { method: "POST", token: "anything-at-all-here" }),
        noParams,
      );
      expect(response.status).toBe(404);
    }
  });
});
