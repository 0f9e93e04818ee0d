import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createActionClient } from "@/lib/actions/create-action-client";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/http/app-error";

const trader: SessionUser = { id: "u-1", email: "t@example.test", name: "T", role: "trader" };
const admin: SessionUser = { ...trader, id: "u-2", role: "admin" };
const input = z.object({ note: z.string().min(1) });

function clientFor(user: SessionUser | null) {
  return createActionClient(async () => user);
}

describe("createActionClient", () => {
  it("injects the signed-in user and the parsed input", async () => {
    const action = clientFor(trader).userAction(
      input,
      async ({ user, input }) => `${user.id}:${input.note}`,
    );
    expect(await action({ note: "hi" })).toEqual({ ok: true, data: "u-1:hi" });
  });

  it("refuses anonymous callers before running the handler", async () => {
    let ran = false;
    const action = clientFor(null).userAction(input, async () => {
      ran = true;
    });
    expect(await action({ note: "hi" })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(ran).toBe(false);
  });

  it("hides admin actions from traders", async () => {
    const action = clientFor(trader).adminAction(input, async () => "secret");
    expect(await action({ note: "x" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await clientFor(admin).adminAction(input, async () => "ok")({ note: "x" })).toEqual({
      ok: true,
      data: "ok",
    });
  });

  it("returns validation problems and domain errors as values", async () => {
    const action = clientFor(trader).userAction(input, async () => {
      throw new AppError("conflict", "Already resolved.");
    });
    expect(await action({ note: "" })).toMatchObject({
      ok: false,
      code: "validation_failed",
      fields: [{ path: "note" }],
    });
    expect(await action({ note: "x" })).toEqual({
      ok: false,
      code: "conflict",
      message: "Already resolved.",
    });
  });
});
