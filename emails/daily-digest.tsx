import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailButton } from "@/emails/components/email-button";
import { EmailLayout } from "@/emails/components/email-layout";
import { colors, heading, mutedText, paragraph } from "@/emails/components/email-styles";
import { formatEmailTime } from "@/emails/components/format-email-time";

export type DigestItemKind = "new_group" | "regression" | "fix_ready" | "workflow_disabled";

export type DigestEmailItem = {
  id: string;
  kind: DigestItemKind;
  title: string;
  traderName: string | null;
  url: string;
  createdAt: string;
};

export type DailyDigestEmailProps = {
  // The end of the 24 hours the digest covers (ISO), i.e. when it was due.
  periodEnd: string;
  items: readonly DigestEmailItem[];
  // Items left out of the email to keep it short.
  moreCount: number;
  notificationsUrl: string;
  settingsUrl: string;
};

const kindLabels: Record<DigestItemKind, { label: string; color: string }> = {
  new_group: { label: "New error", color: colors.danger },
  regression: { label: "Regression", color: colors.warning },
  fix_ready: { label: "Fix ready", color: colors.success },
  workflow_disabled: { label: "Disabled", color: colors.muted },
};

function countLabel(count: number): string {
  return `${count} notification${count === 1 ? "" : "s"}`;
}

export function buildDailyDigestSubject(props: DailyDigestEmailProps): string {
  return `Your Faultline digest: ${countLabel(props.items.length + props.moreCount)}`;
}

export default function DailyDigestEmail(props: DailyDigestEmailProps) {
  const total = props.items.length + props.moreCount;
  return (
    <EmailLayout
      preview={`${countLabel(total)} from the last 24 hours`}
      settingsUrl={props.settingsUrl}
    >
      <Heading as="h1" style={heading}>
        Your daily digest
      </Heading>
      <Text style={paragraph}>
        {countLabel(total)} in the 24 hours up to {formatEmailTime(props.periodEnd)}, collected here
        instead of sent one by one.
      </Text>
      {props.items.map((item) => {
        const kind = kindLabels[item.kind];
        return (
          <Section
            key={item.id}
            style={{ borderTop: `1px solid ${colors.border}`, padding: "12px 0" }}
          >
            <Text
              style={{
                margin: "0 0 2px",
                fontSize: "12px",
                fontWeight: 600,
                textTransform: "uppercase",
                letterSpacing: "0.04em",
                color: kind.color,
              }}
            >
              {kind.label}
            </Text>
            <Link
              href={item.url}
              style={{ fontSize: "14px", color: colors.text, textDecoration: "underline" }}
            >
              {item.title}
            </Link>
            <Text style={{ ...mutedText, margin: "2px 0 0" }}>
              {item.traderName ? `${item.traderName} · ` : ""}
              {formatEmailTime(item.createdAt)}
            </Text>
          </Section>
        );
      })}
      {props.moreCount > 0 ? (
        <Text style={mutedText}>…and {countLabel(props.moreCount)} more.</Text>
      ) : null}
      <Section style={{ paddingTop: "8px" }}>
        <EmailButton href={props.notificationsUrl}>See all notifications</EmailButton>
      </Section>
    </EmailLayout>
  );
}

DailyDigestEmail.PreviewProps = {
  periodEnd: "2026-03-10T08:00:00.000Z",
  items: [
    {
      id: "1",
      kind: "new_group",
      title: "New error: TypeError: Cannot read properties of undefined (reading 'close')",
      traderName: "Momentum breakout",
      url: "http://localhost:3000/errors/00000000-0000-4000-8000-000000000001",
      createdAt: "2026-03-09T12:04:00.000Z",
    },
    {
      id: "2",
      kind: "regression",
      title: "Regression: RangeError: RSI period must be positive, got 0",
      traderName: "Mean reversion RSI",
      url: "http://localhost:3000/errors/00000000-0000-4000-8000-000000000002",
      createdAt: "2026-03-09T14:12:00.000Z",
    },
  ],
  moreCount: 0,
  notificationsUrl: "http://localhost:3000/notifications",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies DailyDigestEmailProps;
