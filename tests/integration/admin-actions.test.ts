import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Roles and system errors are global: the last-admin rule and counts need a database
// of this file's own.
const { database } = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("@/tests/support/test-database");
  const created = await createTestDatabase();
  process.env.DATABASE_URL = created.url;
  return { database: created };
});

// Revalidation needs a running server's cache; the tests check which pages are refreshed.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { revalidatePath } from "next/cache";
import { resolveSystemErrorsAction } from "@/app/admin/errors/actions";
import { setUserRoleAction } from "@/app/admin/users/actions";
import { getAdminUserOverview } from "@/lib/admin/get-admin-user-overview";
import { getSystemError } from "@/lib/admin/get-system-error";
import { listAdminUsers } from "@/lib/admin/list-admin-users";
import { getDb, getPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { seedTrader } from "@/tests/factories/seed-trader";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();
const isRealPostgres = !env.EMBEDDED_DB;

type SeededUser = Awaited<ReturnType<typeof seedUser>>;

// Runs `run` as a server action would: inside a request carrying the user's real
// next-auth session cookie (or none).
async function as(user: SeededUser | null) {
  const cookie = user ? await createSessionCookie(user) : undefined;
  return <T>(run: () => Promise<T>) =>
    runInRequestScope(jsonRequest("/admin/errors", { headers: cookie ? { cookie } : {} }), run);
}

async function seedSystemError(message: string) {
  return db.systemError.create({
    data: {
      errorType: "job_dead_letter",
      severity: "high",
      component: "jobs",
      message,
      context: { attempt: 3 },
    },
    select: { id: true },
  });
}

afterAll(async () => {
  await getPool().end();
  await database.drop();
});

beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
});

describe("resolveSystemErrorsAction", () => {
  it("resolves one error with the admin recorded as resolver and the note trimmed", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const { id } = await seedSystemError("resend outage");
    const asAdmin = await as(admin);

    const result = await asAdmin(() =>
      resolveSystemErrorsAction({ ids: [id], notes: "  Rotated the Resend key.  " }),
    );

    expect(result).toEqual({
      ok: true,
      data: { resolved: [id], alreadyResolved: [], notFound: [] },
    });
    expect(
      await db.systemError.findUniqueOrThrow({
        where: { id },
        select: { resolvedById: true, resolutionNotes: true, resolvedAt: true },
      }),
    ).toEqual({
      resolvedById: admin.id,
      resolutionNotes: "Rotated the Resend key.",
      resolvedAt: expect.any(Date),
    });
    expect(vi.mocked(revalidatePath)).toHaveBeenCalledWith("/admin/errors", "layout");
  });

  it("resolves in bulk and keeps an earlier resolution untouched", async () => {
    const first = await seedUser(db, { role: "admin" });
    const second = await seedUser(db, { role: "admin" });
    const a = await seedSystemError("pusher down a");
    const b = await seedSystemError("pusher down b");
    await (await as(first))(() => resolveSystemErrorsAction({ ids: [a.id], notes: "First fix" }));

    const missing = "00000000-0000-4000-8000-000000000000";
    const result = await (await as(second))(() =>
      resolveSystemErrorsAction({ ids: [a.id, b.id, missing], notes: "Pusher recovered" }),
    );

    expect(result).toEqual({
      ok: true,
      data: { resolved: [b.id], alreadyResolved: [a.id], notFound: [missing] },
    });
    const rows = await db.systemError.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { id: true, resolvedById: true, resolutionNotes: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: a.id, resolvedById: first.id, resolutionNotes: "First fix" },
        { id: b.id, resolvedById: second.id, resolutionNotes: "Pusher recovered" },
      ]),
    );
  });

  it("requires a note", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const { id } = await seedSystemError("needs a note");

    const result = await (await as(admin))(() =>
      resolveSystemErrorsAction({ ids: [id], notes: "   " }),
    );

    expect(result).toMatchObject({
      ok: false,
      code: "validation_failed",
      fields: [{ path: "notes", message: "Say how the error was resolved." }],
    });
    expect(await db.systemError.count({ where: { id, resolvedAt: null } })).toBe(1);
  });

  it("answers not_found to a trader and unauthorized when signed out, changing nothing", async () => {
    const trader = await seedUser(db);
    const { id } = await seedSystemError("not for traders");

    expect(
      await (await as(trader))(() => resolveSystemErrorsAction({ ids: [id], notes: "mine now" })),
    ).toEqual({ ok: false, code: "not_found", message: "Not found." });
    expect(
      await (await as(null))(() => resolveSystemErrorsAction({ ids: [id], notes: "anyone" })),
    ).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await db.systemError.count({ where: { id, resolvedAt: null } })).toBe(1);
    expect(vi.mocked(revalidatePath)).not.toHaveBeenCalled();
  });
});

describe("setUserRoleAction", () => {
  // The last-admin rule counts every admin in the database: start each test with none.
  beforeEach(async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "trader" } });
  });

  const roleOf = async (id: string): Promise<UserRole> =>
    (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

  it("promotes and demotes, writing one audit line per change", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const trader = await seedUser(db);
    const audit = vi.spyOn(console, "info").mockImplementation(() => {});
    const asAdmin = await as(admin);

    try {
      expect(await asAdmin(() => setUserRoleAction({ userId: trader.id, role: "admin" }))).toEqual({
        ok: true,
        data: { role: "admin", isChanged: true },
      });
      expect(await roleOf(trader.id)).toBe("admin");
      // Setting the role it already has is not a change and not audited.
      expect(await asAdmin(() => setUserRoleAction({ userId: trader.id, role: "admin" }))).toEqual({
        ok: true,
        data: { role: "admin", isChanged: false },
      });
      expect(await asAdmin(() => setUserRoleAction({ userId: trader.id, role: "trader" }))).toEqual(
        { ok: true, data: { role: "trader", isChanged: true } },
      );
      expect(await roleOf(trader.id)).toBe("trader");

      const lines = audit.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(lines).toEqual([
        expect.objectContaining({
          source: "admin_audit",
          action: "user_role_changed",
          actor_id: admin.id,
          target_user_id: trader.id,
          from_role: "trader",
          to_role: "admin",
        }),
        expect.objectContaining({ from_role: "admin", to_role: "trader" }),
      ]);
    } finally {
      audit.mockRestore();
    }
    expect(vi.mocked(revalidatePath)).toHaveBeenCalledWith("/admin", "layout");
  });

  it("refuses to demote the last admin, and allows stepping down once another exists", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const admin = await seedUser(db, { role: "admin" });
    const asAdmin = await as(admin);

    expect(await asAdmin(() => setUserRoleAction({ userId: admin.id, role: "trader" }))).toEqual({
      ok: false,
      code: "conflict",
      message: "You are the last admin: promote someone else before stepping down.",
    });
    expect(await roleOf(admin.id)).toBe("admin");

    const other = await seedUser(db);
    await asAdmin(() => setUserRoleAction({ userId: other.id, role: "admin" }));
    expect(await asAdmin(() => setUserRoleAction({ userId: admin.id, role: "trader" }))).toEqual({
      ok: true,
      data: { role: "trader", isChanged: true },
    });
    expect(await roleOf(admin.id)).toBe("trader");
    // The former admin lost the action at once: the role is read from the database.
    expect(await asAdmin(() => setUserRoleAction({ userId: other.id, role: "trader" }))).toEqual({
      ok: false,
      code: "not_found",
      message: "Not found.",
    });
    expect(await roleOf(other.id)).toBe("admin");
    vi.mocked(console.info).mockRestore();
  });

  // PGlite serves one session at a time, so two transactions can never overlap there.
  it.runIf(isRealPostgres)(
    "keeps one admin when two demote each other at the same moment",
    async () => {
      const first = await seedUser(db, { role: "admin" });
      const second = await seedUser(db, { role: "admin" });
      const audit = vi.spyOn(console, "info").mockImplementation(() => {});
      // Both demotions are held at the same point (another transaction owns the admin
      // rows) and then let go together: without its own lock each would count two admins.
      let release = () => {};
      const isReleased = new Promise<void>((resolve) => {
        release = resolve;
      });
      let markLocked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        markLocked = resolve;
      });
      // then(): Prisma's transaction promise is lazy and would not start until awaited.
      const holder = db
        .$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`;
            markLocked();
            await isReleased;
          },
          { timeout: 20_000 },
        )
        .then(() => undefined);
      await isLocked;
      try {
        const [asFirst, asSecond] = [await as(first), await as(second)];
        const pending = Promise.all([
          asFirst(() => setUserRoleAction({ userId: second.id, role: "trader" })),
          asSecond(() => setUserRoleAction({ userId: first.id, role: "trader" })),
        ]);
        await expect
          .poll(
            async () => {
              const [row] = await db.$queryRaw<{ waiting: number }[]>`
              SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`;
              return row?.waiting;
            },
            { timeout: 5_000 },
          )
          .toBe(2);
        release();
        await holder;
        const results = await pending;
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.find((result) => !result.ok)).toMatchObject({
          ok: false,
          code: "conflict",
          message: "This is the last admin: promote someone else first.",
        });
      } finally {
        release();
        audit.mockRestore();
      }
      expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    },
  );

  it("answers not_found to traders and for unknown users", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const trader = await seedUser(db);

    expect(
      await (await as(trader))(() => setUserRoleAction({ userId: trader.id, role: "admin" })),
    ).toEqual({ ok: false, code: "not_found", message: "Not found." });
    expect(await roleOf(trader.id)).toBe("trader");
    expect(
      await (await as(admin))(() =>
        setUserRoleAction({ userId: "00000000-0000-4000-8000-000000000000", role: "admin" }),
      ),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("admin read-only views", () => {
  it("show another user's traders and groups to an admin, and nothing to a trader", async () => {
    const admin = await seedUser(db, { role: "admin" });
    const owner = await seedUser(db);
    const trader = await seedTrader(db, { userId: owner.id });
    const { id: systemErrorId } = await db.systemError.create({
      data: {
        errorType: "deploy_webhook_failed",
        severity: "medium",
        component: "deploy",
        message: "webhook timed out",
        traderId: trader.id,
      },
      select: { id: true },
    });

    const overview = await getAdminUserOverview({ userId: admin.id, targetUserId: owner.id });
    expect(overview.traders.map((row) => row.id)).toEqual([trader.id]);
    const users = await listAdminUsers({ userId: admin.id });
    expect(users.users.find((row) => row.id === owner.id)?._count.traders).toBe(1);
    const detail = await getSystemError({ userId: admin.id, id: systemErrorId });
    expect(detail.trader).toEqual({
      id: trader.id,
      name: expect.any(String),
      owner: { id: owner.id, email: owner.email },
    });

    const intruder = await seedUser(db);
    await expect(
      getAdminUserOverview({ userId: intruder.id, targetUserId: owner.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(listAdminUsers({ userId: intruder.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getSystemError({ userId: intruder.id, id: systemErrorId })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
