import { Button } from "@react-email/components";
import { colors } from "@/emails/components/email-styles";

export function EmailButton({ href, children }: { href: string; children: string }) {
  return (
    <Button
      href={href}
      style={{
        display: "inline-block",
        backgroundColor: colors.accent,
        color: "#ffffff",
        fontSize: "14px",
        fontWeight: 600,
        borderRadius: "8px",
        padding: "10px 18px",
        textDecoration: "none",
      }}
    >
      {children}
    </Button>
  );
}
