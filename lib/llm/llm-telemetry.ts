import type { TelemetryOptions } from "ai";

// What one model call is, for tracing: the operation and the ids that find it again.
export type LlmCallTelemetry = { functionId: string; context: Record<string, string> };

export type LlmTelemetryCallOptions = {
  telemetry: TelemetryOptions;
  runtimeContext?: Record<string, string>;
};

// AI SDK 7 reports every call to a registered integration unless told otherwise, so
// with AI_TELEMETRY off the call opts out explicitly. Its `metadata` of earlier
// versions is now the runtime context, sent to integrations only for the keys
// listed in includeRuntimeContext: here exactly the ids we chose to attach.
export function buildLlmTelemetryOptions(
  isEnabled: boolean,
  call: LlmCallTelemetry | undefined,
): LlmTelemetryCallOptions {
  if (!isEnabled) return { telemetry: { isEnabled: false } };
  if (!call) return { telemetry: { isEnabled: true } };
  return {
    telemetry: {
      isEnabled: true,
      functionId: call.functionId,
      includeRuntimeContext: Object.fromEntries(
        Object.keys(call.context).map((key) => [key, true]),
      ),
    },
    runtimeContext: call.context,
  };
}
