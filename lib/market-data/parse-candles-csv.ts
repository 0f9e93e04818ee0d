import { z } from "zod";
import type { Candle } from "@/lib/filters/filter-types";
import { intervalToMs } from "@/lib/market-data/interval-ms";

export type CsvLineError = { line: number; message: string };

export type ParseCandlesCsvResult =
  | { ok: true; candles: Candle[] }
  | { ok: false; errors: CsvLineError[] };

const MAX_CSV_ROWS = 10_000;
const MAX_REPORTED_ERRORS = 20;

type Column = "openTime" | "open" | "high" | "low" | "close" | "volume" | "closeTime";

const headerAliases: Record<string, Column> = {
  open_time: "openTime",
  opentime: "openTime",
  time: "openTime",
  timestamp: "openTime",
  date: "openTime",
  open: "open",
  high: "high",
  low: "low",
  close: "close",
  volume: "volume",
  close_time: "closeTime",
  closetime: "closeTime",
};
const requiredColumns: readonly Column[] = ["openTime", "open", "high", "low", "close", "volume"];

// Epoch seconds, epoch milliseconds or an ISO 8601 timestamp.
const timeField = z
  .string()
  .trim()
  .min(1, "is empty")
  .transform((raw, context) => {
    if (/^\d+$/.test(raw)) {
      const value = Number(raw);
      return value < 1e12 ? value * 1_000 : value;
    }
    const parsed = Date.parse(raw);
    if (Number.isNaN(parsed)) {
      context.addIssue({ code: "custom", message: "is not an epoch time or ISO 8601 date" });
      return z.NEVER;
    }
    return parsed;
  });

const numberField = z
  .string()
  .trim()
  .min(1, "is empty")
  .transform(Number)
  .pipe(z.number({ error: "is not a finite number" }).min(0, "must not be negative"));

const rowSchema = z
  .object({
    openTime: timeField,
    open: numberField,
    high: numberField,
    low: numberField,
    close: numberField,
    volume: numberField,
    closeTime: timeField.optional(),
  })
  .superRefine((row, context) => {
    if (row.high < Math.max(row.open, row.close)) {
      context.addIssue({ code: "custom", path: ["high"], message: "must be ≥ open and close" });
    }
    if (row.low > Math.min(row.open, row.close)) {
      context.addIssue({ code: "custom", path: ["low"], message: "must be ≤ open and close" });
    }
    if (row.closeTime !== undefined && row.closeTime <= row.openTime) {
      context.addIssue({ code: "custom", path: ["closeTime"], message: "must be after open time" });
    }
  });

function splitCells(line: string): string[] {
  return line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
}

function readHeader(line: string): { columns: (Column | null)[]; errors: string[] } {
  const columns = splitCells(line).map((name) => headerAliases[name.toLowerCase()] ?? null);
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  const errors = missing.length
    ? [`header is missing ${missing.join(", ")} (expected open_time,open,high,low,close,volume)`]
    : [];
  return { columns, errors };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${String(issue.path[0] ?? "row")} ${issue.message}`)
    .join("; ");
}

function toRecord(columns: (Column | null)[], cells: string[]): Partial<Record<Column, string>> {
  const record: Partial<Record<Column, string>> = {};
  columns.forEach((column, index) => {
    if (column) record[column] = cells[index];
  });
  return record;
}

// OHLCV as exported by exchanges and spreadsheets: one header row, one candle per line.
// Without a close_time column, `interval` supplies each candle's length.
export function parseCandlesCsv(
  text: string,
  options: { interval?: string } = {},
): ParseCandlesCsvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1) return { ok: false, errors: [{ line: 1, message: "the file is empty" }] };
  const header = readHeader(lines[headerIndex]!);
  const fail = (errors: CsvLineError[]): ParseCandlesCsvResult => ({
    ok: false,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
  });
  if (header.errors.length)
    return fail(header.errors.map((message) => ({ line: headerIndex + 1, message })));
  const hasCloseTime = header.columns.includes("closeTime");
  let stepMs: number | undefined;
  if (!hasCloseTime) {
    try {
      stepMs = intervalToMs(options.interval ?? "");
    } catch {
      return fail([
        { line: headerIndex + 1, message: "add a close_time column or pass the interval" },
      ]);
    }
  }

  const errors: CsvLineError[] = [];
  const candles: Candle[] = [];
  for (let index = headerIndex + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === "") continue;
    const lineNumber = index + 1;
    if (candles.length + errors.length >= MAX_CSV_ROWS) {
      return fail([{ line: lineNumber, message: `more than ${MAX_CSV_ROWS} candles` }]);
    }
    const cells = splitCells(line);
    if (cells.length !== header.columns.length) {
      errors.push({
        line: lineNumber,
        message: `expected ${header.columns.length} values, found ${cells.length}`,
      });
      continue;
    }
    const parsed = rowSchema.safeParse(toRecord(header.columns, cells));
    if (!parsed.success) {
      errors.push({ line: lineNumber, message: describeIssues(parsed.error) });
      continue;
    }
    const row = parsed.data;
    const previous = candles[candles.length - 1];
    if (previous && row.openTime <= previous.openTime) {
      errors.push({ line: lineNumber, message: "open time must be later than the previous row's" });
      continue;
    }
    candles.push({ ...row, closeTime: row.closeTime ?? row.openTime + (stepMs ?? 0) - 1 });
  }
  if (errors.length) return fail(errors);
  if (candles.length === 0)
    return fail([{ line: headerIndex + 1, message: "no candles after the header" }]);
  return { ok: true, candles };
}
