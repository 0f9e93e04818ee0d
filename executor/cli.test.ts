import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_USAGE, HELP_TEXT, main, parseCliArgs } from "@/executor/cli";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe("executor CLI", () => {
  it("prints every option with --help and exits 0", async () => {
    const { out, io } = capture();
    expect(await main(["--help"], {}, io)).toBe(EXIT_OK);
    expect(out.join("\n")).toBe(HELP_TEXT);
    for (const option of [
      "--key",
      "FAULTLINE_API_KEY",
      "--url",
      "--symbols",
      "--interval",
      "--candles",
      "--window",
      "--speed",
      "--csv",
      "--seed",
      "--spool-dir",
      "--poll",
      "--once",
      "--duration",
      "--help",
    ]) {
      expect(HELP_TEXT).toContain(option);
    }
  });

  it("takes the key from the environment and applies the defaults", () => {
    const parsed = parseCliArgs([], { FAULTLINE_API_KEY: "flk_env" });
    expect(parsed).toEqual({
      kind: "run",
      config: {
        url: "http://localhost:3000",
        apiKey: "flk_env",
        symbols: ["BTCUSDT", "ETHUSDT"],
        interval: "5m",
        candles: 200,
        window: 50,
        speed: 5,
        csvText: undefined,
        seed: 1,
        spoolDir: ".spool/executor",
        pollMs: 3_000,
        once: false,
        durationMs: undefined,
      },
    });
    const explicit = parseCliArgs(
      ["--key", "flk_arg", "--symbols", "solusdt", "--once", "--duration", "1.5"],
      { FAULTLINE_API_KEY: "flk_env" },
    );
    expect(explicit).toMatchObject({
      config: { apiKey: "flk_arg", symbols: ["SOLUSDT"], once: true, durationMs: 1_500 },
    });
  });

  it("exits 2 with a message on bad arguments", async () => {
    for (const argv of [
      [],
      ["--key", "k", "--candles", "0"],
      ["--key", "k", "--interval", "7x"],
      ["--key", "k", "--bogus"],
      ["--key", "k", "--url", "not a url"],
    ]) {
      const { err, io } = capture();
      expect(await main(argv, {}, io)).toBe(EXIT_USAGE);
      expect(err.join("\n")).toMatch(/^executor: .+\nRun with --help/);
    }
  });
});
