import { createElement, type ReactElement } from "react";
import FixReadyEmail, { buildFixReadySubject } from "@/emails/fix-ready";
import NewErrorGroupEmail, { buildNewErrorGroupSubject } from "@/emails/new-error-group";
import RegressionEmail, { buildRegressionSubject } from "@/emails/regression";
import WorkflowDisabledEmail, { buildWorkflowDisabledSubject } from "@/emails/workflow-disabled";
import { notificationSettingsPath, toAppUrl } from "@/lib/email/app-url";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getNotificationHref } from "@/lib/notifications/notification-href";

export const notificationEmailSelect = {
  id: true,
  userId: true,
  kind: true,
  title: true,
  body: true,
  groupId: true,
  traderId: true,
  createdAt: true,
  user: { select: { email: true } },
  trader: { select: { name: true } },
  group: {
    select: {
      title: true,
      errorType: true,
      culprit: true,
      eventCount: true,
      firstSeenAt: true,
      resolvedAt: true,
      regressedAt: true,
      regressionCount: true,
    },
  },
} as const satisfies Prisma.NotificationSelect;

export type NotificationForEmail = Prisma.NotificationGetPayload<{
  select: typeof notificationEmailSelect;
}>;

export type NotificationEmail = { subject: string; react: ReactElement };

/**
 * The immediate email for one notification, or null for kinds that are never sent one
 * by one (the daily digest is its own email). Texts fall back to the notification's
 * own title and body when the group or trader it points at is gone.
 */
export function buildNotificationEmail(
  notification: NotificationForEmail,
): NotificationEmail | null {
  const settingsUrl = toAppUrl(notificationSettingsPath);
  const traderName = notification.trader?.name ?? "your trader";
  const groupTitle = notification.group?.title ?? notification.title;
  const groupUrl = toAppUrl(getNotificationHref(notification));
  const group = notification.group;

  switch (notification.kind) {
    case "new_group": {
      const props = {
        traderName,
        groupTitle,
        errorType: group?.errorType ?? "runtime",
        culprit: group?.culprit ?? null,
        eventCount: group?.eventCount ?? 1,
        firstSeenAt: (group?.firstSeenAt ?? notification.createdAt).toISOString(),
        groupUrl,
        settingsUrl,
      };
      return {
        subject: buildNewErrorGroupSubject(props),
        react: createElement(NewErrorGroupEmail, props),
      };
    }
    case "regression": {
      const props = {
        traderName,
        groupTitle,
        errorType: group?.errorType ?? "runtime",
        regressionCount: group?.regressionCount ?? 1,
        resolvedAt: group?.resolvedAt?.toISOString() ?? null,
        regressedAt: (group?.regressedAt ?? notification.createdAt).toISOString(),
        groupUrl,
        settingsUrl,
      };
      return {
        subject: buildRegressionSubject(props),
        react: createElement(RegressionEmail, props),
      };
    }
    case "fix_ready": {
      const props = {
        traderName,
        groupTitle,
        summary: notification.body,
        reviewUrl: groupUrl,
        settingsUrl,
      };
      return { subject: buildFixReadySubject(props), react: createElement(FixReadyEmail, props) };
    }
    case "workflow_disabled": {
      const props = {
        traderName,
        reason: notification.body,
        traderUrl: groupUrl,
        settingsUrl,
      };
      return {
        subject: buildWorkflowDisabledSubject(props),
        react: createElement(WorkflowDisabledEmail, props),
      };
    }
    case "daily_digest":
      return null;
  }
}
