import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { runFilter } from "@/lib/filters/run-filter";
import { syntheticInput } from "@/lib/filters/synthetic-candles";

// The filters shown in docs/filters.md must keep working as documented.
const docs = readFileSync(new URL("../../docs/filters.md", import.meta.url), "utf8");
const examples = [...docs.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

it("finds the examples", () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

it.each(examples.map((code, index) => [index + 1, code]))("runs example %i", async (_, code) => {
  const result = await runFilter({
    code,
    input: syntheticInput(120, { params: { lookback: 20, volumeFactor: 1.5 } }),
  });
  expect(result).toMatchObject({ ok: true });
});
