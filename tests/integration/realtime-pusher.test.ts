import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import {
  type FakePusherServer,
  findPusherAuthProblem,
  md5Hex,
  startFakePusherServer,
} from "@/tests/support/fake-pusher-server";

// The one seam: which user next-auth's session cookie names. Everything after it is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return {
    ...actual,
    getServerSession: async () =>
      session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null,
  };
});

const credentials = {
  appId: `app${randomUUID().slice(0, 8)}`,
  key: `key-${randomUUID().slice(0, 8)}`,
  secret: `secret-${randomUUID()}`,
};
let pusher: FakePusherServer;
// App modules read lib/env when first imported, so they load after PUSHER_* is set.
let app: Awaited<ReturnType<typeof loadApp>>;

async function loadApp() {
  const [auth, stream, errors, publish, config, db, api, traders, users] = await Promise.all([
    import("@/app/api/realtime/pusher-auth/route"),
    import("@/app/api/realtime/stream/route"),
    import("@/app/api/errors/route"),
    import("@/lib/realtime/publish-to-user"),
    import("@/lib/realtime/realtime-client-config"),
    import("@/lib/db"),
    import("@/tests/factories/seed-api-key"),
    import("@/tests/factories/seed-trader"),
    import("@/tests/factories/seed-user"),
  ]);
  return {
    postPusherAuth: auth.POST,
    getStream: stream.GET,
    postErrors: errors.POST,
    publishToUser: publish.publishToUser,
    getRealtimeClientConfig: config.getRealtimeClientConfig,
    db: db.getDb(),
    seedApiKey: api.seedApiKey,
    seedTrader: traders.seedTrader,
    seedUser: users.seedUser,
  };
}

const noParams = { params: Promise.resolve({}) };

beforeAll(async () => {
  pusher = await startFakePusherServer(credentials);
  Object.assign(process.env, {
    PUSHER_APP_ID: credentials.appId,
    PUSHER_KEY: credentials.key,
    PUSHER_SECRET: credentials.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  });
  app = await loadApp();
});

afterAll(async () => {
  await pusher.close();
});

async function waitFor(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the fake Pusher server", () => {
  it("verifies Pusher's documented worked example", () => {
    // From Pusher's HTTP API reference ("Worked authentication example").
    const body = JSON.stringify({
      name: "foo",
      channels: ["project-3"],
      data: JSON.stringify({ some: "data" }),
    });
    expect(md5Hex(body)).toBe("ec365a775a4cd0599faeb73354201b6f");
    const request = {
      method: "POST",
      path: "/apps/3/events",
      body,
      params: {
        auth_key: "278d425bdf160c739803",
        auth_timestamp: "1353088179",
        auth_version: "1.0",
        body_md5: "ec365a775a4cd0599faeb73354201b6f",
        auth_signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
      },
    };
    const documented = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
    expect(findPusherAuthProblem(documented, request, 1353088179)).toBeNull();
    expect(findPusherAuthProblem({ ...documented, secret: "wrong" }, request, 1353088179)).toBe(
      "Invalid signature",
    );
    expect(findPusherAuthProblem(documented, { ...request, body: `${body} ` }, 1353088179)).toBe(
      "body_md5 does not match the body",
    );
    expect(findPusherAuthProblem(documented, request, 1353088179 + 601)).toMatch(/expired/);
  });

  it("answers 401 to a request signed with another secret", async () => {
    const { default: Pusher } = await import("pusher");
    const impostor = new Pusher({
      ...credentials,
      secret: "not-the-secret",
      host: pusher.host,
      port: String(pusher.port),
      useTLS: false,
    });
    await expect(impostor.trigger("private-user-x", "group.updated", {})).rejects.toMatchObject({
      status: 401,
    });
    expect(pusher.rejected.at(-1)).toMatchObject({ status: 401, reason: "Invalid signature" });
  });
});

describe("the Pusher driver", () => {
  it("triggers the event on the user's private channel, named by its type", async () => {
    const userId = randomUUID();
    const event: RealtimeEvent = {
      type: "group.regressed",
      groupId: randomUUID(),
      traderId: randomUUID(),
      title: "TypeError: cannot read 'close'",
    };
    await app.publishToUser(userId, event);
    const sent = pusher.triggered.filter((t) => t.channel === `private-user-${userId}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.name).toBe("group.regressed");
    expect(JSON.parse(sent[0]?.data ?? "")).toEqual(event);
  });

  it("publishes from ingest after the response: group.created for a new group", async () => {
    const userId = (await app.seedUser(app.db)).id;
    const traderId = (await app.seedTrader(app.db, { userId })).id;
    const { token } = await app.seedApiKey(app.db, { userId });
    const response = await app.postErrors(
      new Request("http://localhost:3000/api/errors", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          event_id: randomUUID(),
          trader_id: traderId,
          error_type: "runtime",
          error_message: `RangeError: pusher${randomUUID().slice(0, 8)}`,
        }),
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const { group_id: groupId } = await response.json();
    const channel = `private-user-${userId}`;
    await waitFor(() => pusher.triggered.some((t) => t.channel === channel));
    const [sent] = pusher.triggered.filter((t) => t.channel === channel);
    expect(sent?.name).toBe("group.created");
    expect(JSON.parse(sent?.data ?? "")).toMatchObject({
      type: "group.created",
      groupId,
      traderId,
    });
  });

  it("logs a failed publish instead of throwing: live updates are best effort", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const tooLong = "x".repeat(11_000);
    // Not reachable through shrinking titles; a status is not shrunk, so Pusher's 413 it is.
    await expect(
      app.publishToUser(randomUUID(), {
        type: "group.updated",
        groupId: randomUUID(),
        status: tooLong,
      }),
    ).resolves.toBeUndefined();
    expect(pusher.rejected.at(-1)).toMatchObject({ status: 413 });
    expect(logged).toHaveBeenCalledWith(
      "[realtime] publish failed",
      expect.objectContaining({ types: ["group.updated"] }),
      expect.anything(),
    );
    logged.mockRestore();
  });
});

describe("POST /api/realtime/pusher-auth", () => {
  function authRequest(channelName: string, socketId = "123456.7890123") {
    return new Request("http://localhost:3000/api/realtime/pusher-auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
    });
  }

  it("signs the caller's own channel with an HMAC of socket_id:channel", async () => {
    const userId = (await app.seedUser(app.db)).id;
    session.userId = userId;
    const channel = `private-user-${userId}`;
    const response = await app.postPusherAuth(authRequest(channel), noParams);
    expect(response.status).toBe(200);
    const { auth } = await response.json();
    const expected = createHmac("sha256", credentials.secret)
      .update(`123456.7890123:${channel}`)
      .digest("hex");
    expect(auth).toBe(`${credentials.key}:${expected}`);
  });

  it("refuses another user's channel with a 403 problem", async () => {
    const [caller, victim] = [(await app.seedUser(app.db)).id, (await app.seedUser(app.db)).id];
    session.userId = caller;
    for (const channel of [
      `private-user-${victim}`,
      "private-user-",
      "presence-user-x",
      "public",
    ]) {
      const response = await app.postPusherAuth(authRequest(channel), noParams);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).not.toHaveProperty("auth");
    }
  });

  it("answers 401 to a signed-out caller and 422 to a malformed socket id", async () => {
    session.userId = null;
    const signedOut = await app.postPusherAuth(authRequest("private-user-x"), noParams);
    expect(signedOut.status).toBe(401);

    const userId = (await app.seedUser(app.db)).id;
    session.userId = userId;
    const malformed = await app.postPusherAuth(
      authRequest(`private-user-${userId}`, "123:evil"),
      noParams,
    );
    expect(malformed.status).toBe(422);
  });
});

describe("with Pusher configured", () => {
  it("hands the browser the key and its channel, never the secret or app id", async () => {
    const userId = randomUUID();
    const config = app.getRealtimeClientConfig(userId);
    expect(config).toEqual({
      driver: "pusher",
      key: credentials.key,
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: pusher.port,
      forceTLS: false,
      userChannel: `private-user-${userId}`,
    });
    const serialized = JSON.stringify(config);
    expect(serialized).not.toContain(credentials.secret);
    expect(serialized).not.toContain(credentials.appId);
  });

  it("answers 404 from the SSE stream: browsers connect to Pusher instead", async () => {
    session.userId = (await app.seedUser(app.db)).id;
    const response = await app.getStream(
      new Request("http://localhost:3000/api/realtime/stream"),
      noParams,
    );
    expect(response.status).toBe(404);
  });
});
