import { describe, expect, it } from "vitest";
import {
  canProposeFix,
  describeRecoveryState,
  findAiBlocker,
  isAttemptInFlight,
} from "@/components/recovery/describe-recovery-state";
import type { LlmCircuitState } from "@/lib/llm/llm-resilience";
import type { RecoveryAttempt } from "@/lib/regeneration/get-group-recovery";

function attempt(overrides: Partial<RecoveryAttempt>): RecoveryAttempt {
  return {
    id: "a1",
    status: "queued",
    trigger: "manual",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    completedAt: null,
    baseVersionId: null,
    rounds: 0,
    model: null,
    tokensIn: 0,
    tokensOut: 0,
    estimatedCostUsd: 0,
    latencyMs: null,
    error: null,
    proposedCode: null,
    explanation: null,
    changes: [],
    verification: null,
    ...overrides,
  };
}

const closed: LlmCircuitState = {
  state: "closed",
  retryAfterSeconds: null,
  openedAt: null,
  lastFailure: null,
};

describe("describeRecoveryState", () => {
  it("says there is nothing yet without an attempt", () => {
    expect(describeRecoveryState(null)).toMatchObject({ state: "none", label: "No fix yet" });
  });

  it.each([
    ["queued", "Queued", "neutral"],
    ["running", "Working on a fix", "accent"],
    ["proposed", "Fix proposed", "fix_proposed"],
    ["deployed", "Fix deployed", "fix_deployed"],
    ["dismissed", "Dismissed", "ignored"],
  ] as const)("labels a %s attempt", (status, label, tone) => {
    expect(describeRecoveryState(attempt({ status }))).toMatchObject({
      state: status,
      label,
      tone,
    });
  });

  it("gives a failed attempt's reason", () => {
    const failed = attempt({ status: "failed", error: "No API key is configured." });
    expect(describeRecoveryState(failed)).toMatchObject({
      label: "Attempt failed",
      description: "No API key is configured.",
    });
    expect(describeRecoveryState(attempt({ status: "failed" })).description).toBe(
      "The attempt ended without a verified fix.",
    );
  });

  it("knows which attempts are in flight", () => {
    expect(isAttemptInFlight(attempt({ status: "queued" }))).toBe(true);
    expect(isAttemptInFlight(attempt({ status: "running" }))).toBe(true);
    expect(isAttemptInFlight(attempt({ status: "proposed" }))).toBe(false);
    expect(isAttemptInFlight(null)).toBe(false);
  });
});

describe("findAiBlocker", () => {
  it("is null when fixes can be generated", () => {
    const blocker = findAiBlocker({
      isAiFixesEnabled: true,
      isLlmConfigured: true,
      circuit: closed,
    });
    expect(blocker).toBeNull();
    expect(canProposeFix(blocker)).toBe(true);
  });

  it("names the operator's switch before the missing key", () => {
    const blocker = findAiBlocker({
      isAiFixesEnabled: false,
      isLlmConfigured: false,
      circuit: closed,
    });
    expect(blocker).toEqual({ kind: "ai_fixes_off" });
    expect(canProposeFix(blocker)).toBe(false);
  });

  it("names the missing key", () => {
    const blocker = findAiBlocker({
      isAiFixesEnabled: true,
      isLlmConfigured: false,
      circuit: closed,
    });
    expect(blocker).toEqual({ kind: "not_configured" });
    expect(canProposeFix(blocker)).toBe(false);
  });

  it("reports an open circuit but still lets the user ask", () => {
    const blocker = findAiBlocker({
      isAiFixesEnabled: true,
      isLlmConfigured: true,
      circuit: { state: "open", retryAfterSeconds: 30, openedAt: null, lastFailure: "429" },
    });
    expect(blocker).toEqual({ kind: "circuit_open", retryAfterSeconds: 30, lastFailure: "429" });
    expect(canProposeFix(blocker)).toBe(true);
  });
});
