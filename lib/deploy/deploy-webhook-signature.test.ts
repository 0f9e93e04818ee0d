import { describe, expect, it } from "vitest";
import {
  signDeployWebhook,
  verifyDeployWebhookSignature,
} from "@/lib/deploy/deploy-webhook-signature";

const secret = "whsec_test_secret";
const body = JSON.stringify({ trader_id: "t-1", version: 3 });
const now = new Date("2026-05-01T12:00:00.000Z");
const timestamp = Math.floor(now.getTime() / 1000);

describe("deploy webhook signature", () => {
  it("signs t.body with HMAC-SHA256 in the documented header format", () => {
    // Reference value from openssl: printf "<t>.<body>" | openssl dgst -sha256 -hmac <secret>
    expect(signDeployWebhook({ secret, body, timestamp })).toBe(
      `t=${timestamp},v1=717eca19c7c0178b23f9bdc41143791b97a0e05ace9afc63046cff23afaf74d3`,
    );
  });

  it("verifies its own signature", () => {
    const header = signDeployWebhook({ secret, body, timestamp });
    expect(verifyDeployWebhookSignature({ secret, header, body, now })).toBe(true);
  });

  it("rejects another body, another secret, a missing or malformed header", () => {
    const header = signDeployWebhook({ secret, body, timestamp });
    expect(verifyDeployWebhookSignature({ secret, header, body: `${body} `, now })).toBe(false);
    expect(verifyDeployWebhookSignature({ secret: "other", header, body, now })).toBe(false);
    expect(verifyDeployWebhookSignature({ secret, header: null, body, now })).toBe(false);
    expect(verifyDeployWebhookSignature({ secret, header: "v1=abc", body, now })).toBe(false);
    expect(verifyDeployWebhookSignature({ secret, header: `t=${timestamp}`, body, now })).toBe(
      false,
    );
  });

  it("rejects a replay outside the tolerance", () => {
    const header = signDeployWebhook({ secret, body, timestamp: timestamp - 301 });
    expect(verifyDeployWebhookSignature({ secret, header, body, now })).toBe(false);
    expect(verifyDeployWebhookSignature({ secret, header, body, now, toleranceSeconds: 600 })).toBe(
      true,
    );
  });

  it("accepts any of several v1 values (secret rotation)", () => {
    const current = signDeployWebhook({ secret, body, timestamp });
    const old = signDeployWebhook({ secret: "old", body, timestamp }).split(",")[1];
    expect(
      verifyDeployWebhookSignature({
        secret,
        header: `${current.split(",")[0]},${old},${current.split(",")[1]}`,
        body,
        now,
      }),
    ).toBe(true);
  });
});
