import { TriangleAlert } from "lucide-react";

type AiAvailabilityNoticeProps = { isAiFixesEnabled: boolean; isLlmConfigured: boolean };

// Why nothing would happen whatever the user sets: the operator's switch or a missing key.
export function AiAvailabilityNotice({
  isAiFixesEnabled,
  isLlmConfigured,
}: AiAvailabilityNoticeProps) {
  if (isAiFixesEnabled && isLlmConfigured) return null;
  const message = !isAiFixesEnabled
    ? "AI fixes are turned off on this server (AI_FIXES=off): no fix is generated, automatically or on request. Your settings are kept for when they are turned back on."
    : "No AI provider is configured on this server (OPENAI_API_KEY is not set): fix attempts fail until one is. You can still fix filters manually.";
  return (
    <div
      role="status"
      data-testid="ai-availability-notice"
      className="mb-4 flex gap-3 rounded-lg border border-amber-500/30 bg-amber-500/10 px-3.5 py-3 text-sm text-amber-900 dark:text-amber-100"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>{message}</p>
    </div>
  );
}
