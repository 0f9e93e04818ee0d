import { createHash } from "node:crypto";
import { fenceUntrusted, UNTRUSTED_BLOCK_RULE } from "@/lib/regeneration/fence-untrusted";
import { FILTER_CONTRACT } from "@/lib/regeneration/filter-contract";
import type { ContextInput } from "@/lib/regeneration/filter-input-from-context";
import { numberCodeLines } from "@/lib/regeneration/number-code-lines";
import { summarizeCodeDiff } from "@/lib/regeneration/summarize-code-diff";
import { summarizeFilterInput } from "@/lib/regeneration/summarize-filter-input";
import { countOf } from "@/lib/utils/count-of";

export type FixPromptContext = {
  errorType: string;
  errorMessage: string;
  stackTrace: string | null;
  eventCount: number;
  code: string;
  codeVersion: number | null;
  failingInput: ContextInput;
  previousVersion: { version: number; code: string } | null;
};

export type FixPrompt = { instructions: string; prompt: string; promptHash: string };

const MAX_MESSAGE_CHARS = 2_000;
const MAX_STACK_CHARS = 4_000;

const INSTRUCTIONS = `You repair trading filters that failed in production.

${FILTER_CONTRACT}

Rules for the fix:
- Return the complete module, keeping the trader's strategy and params intact; change only what
  the failure requires, plus guards for the same class of failure (short history, missing params,
  division by zero, NaN).
- When the data is insufficient, return false (or { match: false, note }) instead of throwing.
- Never use import, require, fetch, XMLHttpRequest, WebSocket, eval, Function, process or
  globalThis, not even in comments: candidates mentioning them are rejected unread.
- Your code is verified in a sandbox on the failing input, on real and synthetic market data and
  on edge cases (1 and 2 candles, zero volume, flat prices, gaps, a price spike) before anyone
  sees it. If verification fails you will be told why; fix that and answer again.

${UNTRUSTED_BLOCK_RULE}`;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (truncated)`;
}

function describeRecentChange(context: FixPromptContext): string {
  if (!context.previousVersion)
    return "There is no earlier version of this filter to compare with.";
  const versionLabel =
    context.codeVersion === null ? "the failing code" : `version ${context.codeVersion}`;
  return [
    `Changes from version ${context.previousVersion.version} to ${versionLabel}:`,
    fenceUntrusted("DIFF", summarizeCodeDiff(context.previousVersion.code, context.code)),
  ].join("\n");
}

function hashPrompt(instructions: string, prompt: string): string {
  return createHash("sha256").update(instructions).update("\n\n").update(prompt).digest("hex");
}

// The first message of an attempt: the contract, the failure and its evidence.
// Everything that came from the trader or the executor is fenced.
export function buildFixPrompt(context: FixPromptContext): FixPrompt {
  const version = context.codeVersion === null ? "" : ` (version ${context.codeVersion})`;
  const prompt = [
    `The filter below failed with a ${context.errorType} error (${countOf(context.eventCount, "event")} so far).`,
    "",
    "Error message:",
    fenceUntrusted("ERROR_MESSAGE", truncate(context.errorMessage, MAX_MESSAGE_CHARS)),
    "",
    "Stack trace:",
    context.stackTrace
      ? fenceUntrusted("STACK_TRACE", truncate(context.stackTrace, MAX_STACK_CHARS))
      : "(none reported)",
    "",
    `Failing code${version}, with line numbers for reference only (do not include them):`,
    fenceUntrusted("CODE", numberCodeLines(context.code)),
    "",
    "Summary of the input it failed on:",
    fenceUntrusted("INPUT", summarizeFilterInput(context.failingInput)),
    "",
    describeRecentChange(context),
    "",
    "Answer with the corrected module, an explanation for the trader and the list of changes.",
  ].join("\n");
  return { instructions: INSTRUCTIONS, prompt, promptHash: hashPrompt(INSTRUCTIONS, prompt) };
}
