import type { CSSProperties } from "react";

// Inline styles only: many mail clients drop <style> blocks and external CSS.
export const colors = {
  background: "#f4f4f5",
  card: "#ffffff",
  border: "#e4e4e7",
  text: "#18181b",
  muted: "#71717a",
  accent: "#4f46e5",
  danger: "#b91c1c",
  warning: "#b45309",
  success: "#047857",
} as const;

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const heading: CSSProperties = {
  margin: "0 0 12px",
  fontSize: "20px",
  lineHeight: "28px",
  fontWeight: 600,
  color: colors.text,
};

export const paragraph: CSSProperties = {
  margin: "0 0 16px",
  fontSize: "14px",
  lineHeight: "22px",
  color: colors.text,
};

export const mutedText: CSSProperties = { ...paragraph, color: colors.muted, fontSize: "13px" };

export const code: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  fontSize: "13px",
  wordBreak: "break-word",
};
