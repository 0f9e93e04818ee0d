import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResendServer } from "@/tests/support/fake-resend-server";

const API_KEY = "re_test_magic_link";
let fake: Awaited<ReturnType<typeof startFakeResendServer>>;

beforeAll(async () => {
  fake = await startFakeResendServer(API_KEY);
  // lib/env reads the environment when first imported: set it before importing the app.
  process.env.RESEND_API_KEY = API_KEY;
  process.env.RESEND_BASE_URL = fake.baseUrl;
});

afterAll(async () => {
  await fake.close();
});

describe("email magic-link sign-in", () => {
  it("sends the link through the real Resend SDK", async () => {
    const { sendMagicLink } = await import("@/lib/auth/send-magic-link");
    const url = "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40example.test";
    await sendMagicLink({ email: "a@example.test", url });

    expect(fake.received).toHaveLength(1);
    const [email] = fake.received;
    expect(email).toMatchObject({ to: "a@example.test", subject: "Sign in to Faultline" });
    expect(email?.text).toContain(url);
    expect(email?.html).toContain(`href="${url}"`);
  });

  it("is offered as a provider only when Resend is configured", async () => {
    const { authOptions } = await import("@/lib/auth/auth-options");
    expect(authOptions.providers.map((provider) => provider.id)).toContain("email");
  });
});
