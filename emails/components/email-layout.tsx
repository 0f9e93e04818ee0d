import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { colors, fontFamily, mutedText } from "@/emails/components/email-styles";

type EmailLayoutProps = {
  // The inbox preview line shown next to the subject.
  preview: string;
  settingsUrl: string;
  children: ReactNode;
};

export function EmailLayout({ preview, settingsUrl, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ margin: 0, padding: "24px 0", backgroundColor: colors.background, fontFamily }}
      >
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 12px" }}>
          <Text
            style={{
              margin: "0 0 12px",
              fontSize: "15px",
              fontWeight: 700,
              letterSpacing: "-0.01em",
              color: colors.text,
            }}
          >
            Faultline
          </Text>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: "12px",
              padding: "24px",
            }}
          >
            {children}
          </Section>
          <Hr style={{ borderColor: colors.border, margin: "24px 0 12px" }} />
          <Text style={{ ...mutedText, fontSize: "12px" }}>
            You get this email because of your Faultline notification settings.{" "}
            <Link href={settingsUrl} style={{ color: colors.muted, textDecoration: "underline" }}>
              Choose which emails you get
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
