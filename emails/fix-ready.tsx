import { Heading, Text } from "@react-email/components";
import { EmailButton } from "@/emails/components/email-button";
import { EmailLayout } from "@/emails/components/email-layout";
import { code, heading, paragraph } from "@/emails/components/email-styles";
import { truncate } from "@/emails/components/truncate";

export type FixReadyEmailProps = {
  traderName: string;
  groupTitle: string;
  // What the proposed change does, when the notification carries it.
  summary: string | null;
  reviewUrl: string;
  settingsUrl: string;
};

export function buildFixReadySubject(props: FixReadyEmailProps): string {
  return truncate(`Fix ready to review for ${props.traderName}: ${props.groupTitle}`, 120);
}

export default function FixReadyEmail(props: FixReadyEmailProps) {
  return (
    <EmailLayout
      preview={truncate(`A new filter version is ready for ${props.groupTitle}`, 90)}
      settingsUrl={props.settingsUrl}
    >
      <Heading as="h1" style={heading}>
        A fix is ready for {props.traderName}
      </Heading>
      <Text style={paragraph}>
        Faultline generated a new version of the filter for this error and it passed the preview
        run. Nothing is deployed until you review and approve it.
      </Text>
      <Text style={{ ...paragraph, ...code }}>{props.groupTitle}</Text>
      {props.summary ? <Text style={paragraph}>{props.summary}</Text> : null}
      <EmailButton href={props.reviewUrl}>Review the fix</EmailButton>
    </EmailLayout>
  );
}

FixReadyEmail.PreviewProps = {
  traderName: "Momentum breakout",
  groupTitle: "TypeError: Cannot read properties of undefined (reading 'close')",
  summary: "Guards against an empty candle window before reading the last close.",
  reviewUrl: "http://localhost:3000/errors/00000000-0000-4000-8000-000000000001",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies FixReadyEmailProps;
