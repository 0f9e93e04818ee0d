import { describe, expect, it } from "vitest";
import { formatTraderDsn } from "@/lib/sentry/format-dsn";

const trader = { dsnPublicKey: "0123456789abcdef0123456789abcdef", projectId: 42 };

describe("formatTraderDsn", () => {
  it("puts the key in the user part and the project id in the path", () => {
    expect(formatTraderDsn(trader, "http://localhost:3000")).toBe(
      "http://0123456789abcdef0123456789abcdef@localhost:3000/42",
    );
    expect(formatTraderDsn(trader, "https://faultline.example.com/")).toBe(
      "https://0123456789abcdef0123456789abcdef@faultline.example.com/42",
    );
  });

  it("keeps a base path, which SDKs put before /api/<project>/envelope/", () => {
    expect(formatTraderDsn(trader, "https://example.com/faultline/")).toBe(
      "https://0123456789abcdef0123456789abcdef@example.com/faultline/42",
    );
  });
});
