import { Heading, Text } from "@react-email/components";
import { DetailList } from "@/emails/components/detail-list";
import { EmailButton } from "@/emails/components/email-button";
import { EmailLayout } from "@/emails/components/email-layout";
import { code, heading, paragraph } from "@/emails/components/email-styles";
import { formatEmailTime } from "@/emails/components/format-email-time";
import { truncate } from "@/emails/components/truncate";

export type RegressionEmailProps = {
  traderName: string;
  groupTitle: string;
  errorType: string;
  regressionCount: number;
  resolvedAt: string | null;
  regressedAt: string;
  groupUrl: string;
  settingsUrl: string;
};

export function buildRegressionSubject(props: RegressionEmailProps): string {
  return truncate(`Regression in ${props.traderName}: ${props.groupTitle}`, 120);
}

export default function RegressionEmail(props: RegressionEmailProps) {
  return (
    <EmailLayout
      preview={truncate(`Back after being resolved: ${props.groupTitle}`, 90)}
      settingsUrl={props.settingsUrl}
    >
      <Heading as="h1" style={heading}>
        An error came back in {props.traderName}
      </Heading>
      <Text style={paragraph}>
        This error was marked resolved, and a filter run has just failed with it again.
      </Text>
      <Text style={{ ...paragraph, ...code }}>{props.groupTitle}</Text>
      <DetailList
        details={[
          { label: "Type", value: props.errorType },
          ...(props.resolvedAt
            ? [{ label: "Resolved", value: formatEmailTime(props.resolvedAt) }]
            : []),
          { label: "Back since", value: formatEmailTime(props.regressedAt) },
          { label: "Regressions", value: props.regressionCount.toLocaleString("en-US") },
        ]}
      />
      <EmailButton href={props.groupUrl}>Open the error</EmailButton>
    </EmailLayout>
  );
}

RegressionEmail.PreviewProps = {
  traderName: "Mean reversion RSI",
  groupTitle: "RangeError: RSI period must be positive, got 0",
  errorType: "runtime",
  regressionCount: 1,
  resolvedAt: "2026-03-07T09:30:00.000Z",
  regressedAt: "2026-03-09T14:12:00.000Z",
  groupUrl: "http://localhost:3000/errors/00000000-0000-4000-8000-000000000002",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies RegressionEmailProps;
