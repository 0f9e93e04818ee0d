import { Column, Row, Section } from "@react-email/components";
import { colors } from "@/emails/components/email-styles";

export type Detail = { label: string; value: string };

// Label/value rows in a table: the one layout every mail client renders the same.
export function DetailList({ details }: { details: readonly Detail[] }) {
  return (
    <Section style={{ margin: "0 0 20px" }}>
      {details.map((detail) => (
        <Row key={detail.label}>
          <Column
            style={{
              width: "120px",
              padding: "4px 12px 4px 0",
              verticalAlign: "top",
              fontSize: "13px",
              color: colors.muted,
            }}
          >
            {detail.label}
          </Column>
          <Column
            style={{ padding: "4px 0", verticalAlign: "top", fontSize: "13px", color: colors.text }}
          >
            {detail.value}
          </Column>
        </Row>
      ))}
    </Section>
  );
}
