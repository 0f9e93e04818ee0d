export const CODE_LINE_HEIGHT = 20;
const PADDING = 16;
const MIN_LINES = 6;
const MAX_LINES = 24;

// Tall enough for short filters without inner scrolling; long ones scroll inside.
export function codeViewerHeight(code: string): number {
  const lines = code.split("\n").length;
  return Math.min(Math.max(lines, MIN_LINES), MAX_LINES) * CODE_LINE_HEIGHT + PADDING;
}
