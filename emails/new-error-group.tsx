import { Heading, Text } from "@react-email/components";
import { DetailList } from "@/emails/components/detail-list";
import { EmailButton } from "@/emails/components/email-button";
import { EmailLayout } from "@/emails/components/email-layout";
import { code, heading, paragraph } from "@/emails/components/email-styles";
import { formatEmailTime } from "@/emails/components/format-email-time";
import { truncate } from "@/emails/components/truncate";

export type NewErrorGroupEmailProps = {
  traderName: string;
  groupTitle: string;
  errorType: string;
  culprit: string | null;
  eventCount: number;
  firstSeenAt: string;
  groupUrl: string;
  settingsUrl: string;
};

export function buildNewErrorGroupSubject(props: NewErrorGroupEmailProps): string {
  return truncate(`New error in ${props.traderName}: ${props.groupTitle}`, 120);
}

export default function NewErrorGroupEmail(props: NewErrorGroupEmailProps) {
  return (
    <EmailLayout preview={truncate(props.groupTitle, 90)} settingsUrl={props.settingsUrl}>
      <Heading as="h1" style={heading}>
        New error in {props.traderName}
      </Heading>
      <Text style={paragraph}>
        A filter run failed in a way Faultline has not seen before for this trader.
      </Text>
      <Text style={{ ...paragraph, ...code }}>{props.groupTitle}</Text>
      <DetailList
        details={[
          { label: "Type", value: props.errorType },
          ...(props.culprit ? [{ label: "Where", value: props.culprit }] : []),
          { label: "Events", value: props.eventCount.toLocaleString("en-US") },
          { label: "First seen", value: formatEmailTime(props.firstSeenAt) },
        ]}
      />
      <EmailButton href={props.groupUrl}>Open the error</EmailButton>
    </EmailLayout>
  );
}

NewErrorGroupEmail.PreviewProps = {
  traderName: "Momentum breakout",
  groupTitle: "TypeError: Cannot read properties of undefined (reading 'close')",
  errorType: "runtime",
  culprit: "filter (filter.js)",
  eventCount: 3,
  firstSeenAt: "2026-03-09T12:04:00.000Z",
  groupUrl: "http://localhost:3000/errors/00000000-0000-4000-8000-000000000001",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies NewErrorGroupEmailProps;
