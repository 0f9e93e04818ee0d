import { Heading, Text } from "@react-email/components";
import { EmailButton } from "@/emails/components/email-button";
import { EmailLayout } from "@/emails/components/email-layout";
import { heading, paragraph } from "@/emails/components/email-styles";
import { truncate } from "@/emails/components/truncate";

export type WorkflowDisabledEmailProps = {
  traderName: string;
  // Why the workflow stopped, when the notification carries it.
  reason: string | null;
  traderUrl: string;
  settingsUrl: string;
};

export function buildWorkflowDisabledSubject(props: WorkflowDisabledEmailProps): string {
  return truncate(`${props.traderName} was disabled`, 120);
}

export default function WorkflowDisabledEmail(props: WorkflowDisabledEmailProps) {
  return (
    <EmailLayout
      preview={truncate(props.reason ?? `${props.traderName} stopped running`, 90)}
      settingsUrl={props.settingsUrl}
    >
      <Heading as="h1" style={heading}>
        {props.traderName} was disabled
      </Heading>
      <Text style={paragraph}>
        Faultline stopped scheduling this trader, so its filter does not run until you turn it back
        on.
      </Text>
      {props.reason ? <Text style={paragraph}>{props.reason}</Text> : null}
      <EmailButton href={props.traderUrl}>Open the trader</EmailButton>
    </EmailLayout>
  );
}

WorkflowDisabledEmail.PreviewProps = {
  traderName: "Mean reversion RSI",
  reason: "It failed on 5 consecutive scheduled runs.",
  traderUrl: "http://localhost:3000/traders",
  settingsUrl: "http://localhost:3000/settings/notifications",
} satisfies WorkflowDisabledEmailProps;
