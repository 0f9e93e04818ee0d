import { describe, expect, it } from "vitest";
import { buildCurlExample } from "@/components/api-keys/build-curl-example";

const token = `fl_${"A".repeat(12)}_${"b".repeat(43)}`;

function bodyOf(command: string): unknown {
  const match = /-d '(.*)'$/s.exec(command);
  // Undo the shell escaping of single quotes to get back the JSON the API receives.
  return JSON.parse((match?.[1] ?? "").replace(/'\\''/g, "'"));
}

describe("buildCurlExample", () => {
  it("posts a valid error event with the key as a bearer token", () => {
    const command = buildCurlExample({
      appUrl: "https://faultline.example/",
      token,
      traderId: "3f0c6a8e-1d2b-4c5d-9e8f-0a1b2c3d4e5f",
    });
    expect(command).toContain("curl -X POST https://faultline.example/api/errors");
    expect(command).toContain(`-H "Authorization: Bearer ${token}"`);
    expect(bodyOf(command)).toEqual({
      trader_id: "3f0c6a8e-1d2b-4c5d-9e8f-0a1b2c3d4e5f",
      error_type: "runtime",
      error_message: "TypeError: Cannot read properties of undefined (reading 'close')",
    });
  });

  it("uses a placeholder when no trader is known", () => {
    const command = buildCurlExample({ appUrl: "http://localhost:3000", token, traderId: null });
    expect(bodyOf(command)).toMatchObject({ trader_id: "<your trader id>" });
  });
});
