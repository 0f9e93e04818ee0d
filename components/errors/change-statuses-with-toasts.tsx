import { toast } from "sonner";
import { changeGroupStatusesAction } from "@/app/(app)/errors/(inbox)/actions";
import {
  describeStatusChange,
  type TriageStatus,
} from "@/components/errors/describe-status-change";
import type { GroupStatusesChange } from "@/lib/errors/change-group-statuses";

export type StatusChangeRequest = { groupIds: string[]; to: TriageStatus; note?: string };

export type StatusChangeOutcome =
  | { ok: true; result: GroupStatusesChange }
  | { ok: false; message: string };

const failureToastMs = 12_000;

// Runs the bulk action and reports per group: a success toast for what moved and a
// lasting error toast naming each group that did not. A refused request (session
// ended, invalid input) comes back for the caller to show where the user acted.
export async function changeStatusesWithToasts(
  request: StatusChangeRequest,
  titleOf: (groupId: string) => string | undefined,
): Promise<StatusChangeOutcome> {
  const response = await changeGroupStatusesAction({
    groupIds: request.groupIds,
    status: request.to,
    note: request.note,
  });
  if (!response.ok) return { ok: false, message: response.message };
  const messages = describeStatusChange(response.data, request.to, titleOf);
  if (messages.success) toast.success(messages.success);
  if (messages.failure) {
    toast.error(messages.failure.title, {
      duration: failureToastMs,
      description: (
        <ul className="mt-1 list-disc pl-4" data-testid="status-change-failures">
          {messages.failure.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ),
    });
  }
  return { ok: true, result: response.data };
}
