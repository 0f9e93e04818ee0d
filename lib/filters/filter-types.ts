import { z } from "zod";
import { ExecutionErrorType } from "@/lib/generated/prisma/enums";

export const candleSchema = z.object({
  openTime: z.number(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
  closeTime: z.number(),
});

// What a filter receives: candles oldest first, times in ms since the epoch.
export const filterInputSchema = z.object({
  symbol: z.string(),
  interval: z.string(),
  candles: z.array(candleSchema),
  params: z.record(z.string(), z.unknown()),
});

// What a filter may return; null is accepted for an absent score or note.
export const filterReturnSchema = z.union([
  z.boolean(),
  z.object({
    match: z.boolean(),
    score: z.number().nullish(),
    note: z.string().nullish(),
  }),
]);

export const filterErrorTypeSchema = z.enum(ExecutionErrorType);

const durationMs = z.number().min(0);

export const filterRunResultSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    match: z.boolean(),
    score: z.number().nullable(),
    note: z.string().nullable(),
    durationMs,
  }),
  z.object({
    ok: z.literal(false),
    errorType: filterErrorTypeSchema,
    message: z.string(),
    stack: z.string().nullable(),
    line: z.int().min(1).nullable(),
    durationMs,
  }),
]);

const KIB = 1024;
const MIB = 1024 * KIB;

// QuickJS measures its stack on the WebAssembly shadow stack, but each guest
// frame also uses the host's native stack; above 256 KiB deep recursion can
// exhaust the host's stack before QuickJS notices.
export const MAX_FILTER_STACK_BYTES = 256 * KIB;

export const filterLimitsSchema = z.object({
  timeoutMs: z.int().min(1).max(60_000),
  memoryBytes: z
    .int()
    .min(MIB)
    .max(1024 * MIB),
  stackBytes: z
    .int()
    .min(16 * KIB)
    .max(MAX_FILTER_STACK_BYTES),
});

export type Candle = z.infer<typeof candleSchema>;
export type FilterInput = {
  symbol: string;
  interval: string;
  candles: Candle[];
  params: Record<string, unknown>;
};
export type FilterReturn = z.infer<typeof filterReturnSchema>;
export type FilterErrorType = z.infer<typeof filterErrorTypeSchema>;
export type FilterRunResult = z.infer<typeof filterRunResultSchema>;
export type FilterFailure = Extract<FilterRunResult, { ok: false }>;
export type FilterLimits = z.infer<typeof filterLimitsSchema>;

export const defaultFilterLimits: FilterLimits = {
  timeoutMs: 250,
  memoryBytes: 32 * MIB,
  stackBytes: MAX_FILTER_STACK_BYTES,
};
