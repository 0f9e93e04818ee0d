import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/app/(app)/notifications/actions";
import { GET } from "@/app/api/notifications/route";
import { getDb } from "@/lib/db";
import { notificationListViewSchema } from "@/lib/notifications/notification-view";
import { seedUser } from "@/tests/factories/seed-user";
import { jsonRequest, noParams } from "@/tests/support/api-request";
import { createSessionCookie, runInRequestScope } from "@/tests/support/session-request-scope";

const db = getDb();

type SeededUser = Awaited<ReturnType<typeof seedUser>>;

async function seedNotifications(userId: string, count: number, readCount = 0) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { id } = await db.notification.create({
      data: {
        userId,
        kind: index % 2 === 0 ? "new_group" : "regression",
        title: `Notification ${index} ${randomUUID().slice(0, 6)}`,
        createdAt: new Date(Date.UTC(2026, 3, 1, 8, index)),
        readAt: index < readCount ? new Date(Date.UTC(2026, 3, 2)) : null,
      },
      select: { id: true },
    });
    ids.push(id);
  }
  // Newest first, as the API answers.
  return ids.reverse();
}

async function get(path: string, cookie?: string) {
  const request = jsonRequest(path, { headers: cookie ? { cookie } : {} });
  return runInRequestScope(request, () => GET(request, noParams));
}

function asUser<T>(cookie: string, run: () => Promise<T>): Promise<T> {
  return runInRequestScope(jsonRequest("/notifications", { headers: { cookie } }), run);
}

describe("GET /api/notifications", () => {
  let alice: SeededUser;
  let bob: SeededUser;
  let aliceCookie: string;
  let aliceIds: string[];
  let bobIds: string[];

  beforeAll(async () => {
    alice = await seedUser(db);
    bob = await seedUser(db);
    aliceCookie = await createSessionCookie(alice);
    // Five notifications, the two oldest read.
    aliceIds = await seedNotifications(alice.id, 5, 2);
    bobIds = await seedNotifications(bob.id, 2);
  });

  it("answers 401 problem+json when signed out", async () => {
    const response = await get("/api/notifications");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers 401 to a session cookie signed with another secret", async () => {
    const { encode } = await import("next-auth/jwt");
    const forged = await encode({
      token: { sub: alice.id },
      secret: "not-the-app-secret-not-the-app-secret",
    });
    const response = await get("/api/notifications", `next-auth.session-token=${forged}`);
    expect(response.status).toBe(401);
  });

  it("lists the signed-in user's notifications newest first with the unread count", async () => {
    const response = await get("/api/notifications?limit=3", aliceCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = notificationListViewSchema.parse(await response.json());
    expect(body.unreadCount).toBe(3);
    expect(body.data.map((n) => n.id)).toEqual(aliceIds.slice(0, 3));
    expect(body.data.map((n) => n.id)).not.toContain(bobIds[0]);
    expect(body.nextCursor).not.toBeNull();

    const next = await get(
      `/api/notifications?limit=3&cursor=${encodeURIComponent(body.nextCursor ?? "")}`,
      aliceCookie,
    );
    const rest = notificationListViewSchema.parse(await next.json());
    expect(rest.data.map((n) => n.id)).toEqual(aliceIds.slice(3));
    expect(rest.nextCursor).toBeNull();
  });

  it("filters to unread with ?unread=1", async () => {
    const response = await get("/api/notifications?unread=1&limit=10", aliceCookie);
    const body = notificationListViewSchema.parse(await response.json());
    expect(body.data.map((n) => n.id)).toEqual(aliceIds.slice(0, 3));
    expect(body.data.every((n) => n.readAt === null)).toBe(true);
  });

  it("answers 422 for a limit out of range", async () => {
    const response = await get("/api/notifications?limit=500", aliceCookie);
    expect(response.status).toBe(422);
  });
});

describe("notification server actions", () => {
  it("mark one read for its owner and answer the new unread count", async () => {
    const owner = await seedUser(db);
    const [newest] = await seedNotifications(owner.id, 3);
    const cookie = await createSessionCookie(owner);

    const result = await asUser(cookie, () =>
      markNotificationReadAction({ notificationId: newest ?? "" }),
    );
    expect(result).toEqual({ ok: true, data: { unreadCount: 2 } });
    const row = await db.notification.findUniqueOrThrow({ where: { id: newest } });
    expect(row.readAt).not.toBeNull();
  });

  it("refuse to mark another user's notification", async () => {
    const owner = await seedUser(db);
    const intruder = await seedUser(db);
    const [target] = await seedNotifications(owner.id, 1);
    const cookie = await createSessionCookie(intruder);

    const result = await asUser(cookie, () =>
      markNotificationReadAction({ notificationId: target ?? "" }),
    );
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    const allRead = await asUser(cookie, () => markAllNotificationsReadAction({}));
    expect(allRead).toEqual({ ok: true, data: { unreadCount: 0 } });
    const row = await db.notification.findUniqueOrThrow({ where: { id: target } });
    expect(row.readAt).toBeNull();
  });

  it("refuse to run signed out", async () => {
    const result = await runInRequestScope(jsonRequest("/notifications"), () =>
      markAllNotificationsReadAction({}),
    );
    expect(result).toMatchObject({ ok: false, code: "unauthorized" });
  });
});
