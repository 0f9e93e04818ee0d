import type { ModelMessage } from "ai";
import { stripInvisibleCharacters } from "@/lib/ingest/sanitize-text";
import type { LlmClient } from "@/lib/llm/llm-client";
import { LlmError, type LlmTokenUsage } from "@/lib/llm/llm-error";
import type { LlmCallTelemetry } from "@/lib/llm/llm-telemetry";
import type { FixPrompt } from "@/lib/regeneration/build-fix-prompt";
import type { VerificationInput } from "@/lib/regeneration/collect-verification-inputs";
import {
  buildRetryMessage,
  describeVerificationFailure,
} from "@/lib/regeneration/describe-verification-failure";
import { type FixProposal, fixProposalSchema } from "@/lib/regeneration/fix-proposal-schema";
import type { RunOutcome, VerificationReport } from "@/lib/regeneration/verification-report";
import { verifyCandidate } from "@/lib/regeneration/verify-candidate";

export type RoundRecord = {
  round: number;
  result: "passed" | "rejected" | "invalid_output" | "provider_error";
  reason: string | null;
  code: string | null;
};

// Stored in regeneration_attempts.verification: the report of the last verified
// candidate (the proposal when passed) and what happened in every round.
export type AttemptVerification = {
  passed: boolean;
  final: VerificationReport | null;
  rounds: RoundRecord[];
};

export type FixLoopResult = {
  proposal: FixProposal | null;
  rounds: number;
  usage: LlmTokenUsage;
  latencyMs: number;
  verification: AttemptVerification;
  error: string | null;
};

const INVALID_OUTPUT_FEEDBACK =
  "Your previous answer could not be read: answer with a JSON object with exactly the fields " +
  "code (the complete module), explanation and changes.";

function cleanProposal(proposal: FixProposal): FixProposal {
  return {
    code: proposal.code,
    explanation: stripInvisibleCharacters(proposal.explanation).trim(),
    changes: proposal.changes
      .map((change) => stripInvisibleCharacters(change).trim())
      .filter(Boolean),
  };
}

// generate → verify → on failure tell the model why and try again, up to maxRounds.
// Provider failures end the loop; nothing expected is thrown.
export async function generateVerifiedFix({
  llm,
  prompt,
  failingCode,
  inputs,
  baseline,
  maxRounds,
  telemetry,
}: {
  llm: LlmClient;
  prompt: FixPrompt;
  failingCode: string;
  inputs: VerificationInput[];
  baseline: Map<string, RunOutcome>;
  maxRounds: number;
  telemetry?: LlmCallTelemetry;
}): Promise<FixLoopResult> {
  const messages: ModelMessage[] = [{ role: "user", content: prompt.prompt }];
  const usage: LlmTokenUsage = { inputTokens: 0, outputTokens: 0 };
  const rounds: RoundRecord[] = [];
  let latencyMs = 0;
  let final: VerificationReport | null = null;
  const result = (proposal: FixProposal | null, error: string | null): FixLoopResult => ({
    proposal,
    rounds: rounds.length,
    usage,
    latencyMs,
    verification: { passed: proposal !== null, final, rounds },
    error,
  });

  for (let round = 1; round <= maxRounds; round += 1) {
    let proposal: FixProposal;
    try {
      const answer = await llm.generateStructured({
        schema: fixProposalSchema,
        schemaName: "filter_fix",
        instructions: prompt.instructions,
        messages,
        telemetry,
      });
      usage.inputTokens += answer.usage.inputTokens;
      usage.outputTokens += answer.usage.outputTokens;
      latencyMs += answer.latencyMs;
      proposal = cleanProposal(answer.output);
    } catch (error) {
      const llmError = error instanceof LlmError ? error : null;
      usage.inputTokens += llmError?.usage?.inputTokens ?? 0;
      usage.outputTokens += llmError?.usage?.outputTokens ?? 0;
      if (llmError?.code === "invalid_output") {
        rounds.push({ round, result: "invalid_output", reason: llmError.message, code: null });
        messages.push({ role: "user", content: INVALID_OUTPUT_FEEDBACK });
        continue;
      }
      const message = llmError?.message ?? "The AI call failed unexpectedly.";
      rounds.push({ round, result: "provider_error", reason: message, code: null });
      return result(null, message);
    }

    final = await verifyCandidate({ code: proposal.code, failingCode, inputs, baseline });
    if (final.passed) {
      rounds.push({ round, result: "passed", reason: null, code: proposal.code });
      return result(proposal, null);
    }
    const failure = describeVerificationFailure(final);
    rounds.push({ round, result: "rejected", reason: failure, code: proposal.code });
    messages.push(
      { role: "assistant", content: JSON.stringify(proposal) },
      { role: "user", content: buildRetryMessage(failure) },
    );
  }
  const last = rounds.at(-1);
  return result(
    null,
    `No candidate passed verification in ${rounds.length} round${rounds.length === 1 ? "" : "s"}${
      last?.reason ? `. Last rejection: ${last.reason.split("\n")[0]}` : "."
    }`,
  );
}
