import type { ReactElement } from "react";
import DailyDigestEmail, { buildDailyDigestSubject } from "@/emails/daily-digest";
import FixReadyEmail, { buildFixReadySubject } from "@/emails/fix-ready";
import NewErrorGroupEmail, { buildNewErrorGroupSubject } from "@/emails/new-error-group";
import RegressionEmail, { buildRegressionSubject } from "@/emails/regression";
import WorkflowDisabledEmail, { buildWorkflowDisabledSubject } from "@/emails/workflow-disabled";

export type EmailTemplatePreview = { name: string; subject: string; element: ReactElement };

// Every template with its PreviewProps: what the preview script shows and the render test checks.
export const emailTemplatePreviews: readonly EmailTemplatePreview[] = [
  {
    name: "new-error-group",
    subject: buildNewErrorGroupSubject(NewErrorGroupEmail.PreviewProps),
    element: <NewErrorGroupEmail {...NewErrorGroupEmail.PreviewProps} />,
  },
  {
    name: "regression",
    subject: buildRegressionSubject(RegressionEmail.PreviewProps),
    element: <RegressionEmail {...RegressionEmail.PreviewProps} />,
  },
  {
    name: "fix-ready",
    subject: buildFixReadySubject(FixReadyEmail.PreviewProps),
    element: <FixReadyEmail {...FixReadyEmail.PreviewProps} />,
  },
  {
    name: "workflow-disabled",
    subject: buildWorkflowDisabledSubject(WorkflowDisabledEmail.PreviewProps),
    element: <WorkflowDisabledEmail {...WorkflowDisabledEmail.PreviewProps} />,
  },
  {
    name: "daily-digest",
    subject: buildDailyDigestSubject(DailyDigestEmail.PreviewProps),
    element: <DailyDigestEmail {...DailyDigestEmail.PreviewProps} />,
  },
];
