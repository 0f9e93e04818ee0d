// "  7 | const x = …": lets the model match stack-trace line numbers to code.
export function numberCodeLines(code: string): string {
  const lines = code.replace(/\r\n?/g, "\n").split("\n");
  const width = String(lines.length).length;
  return lines.map((line, index) => `${String(index + 1).padStart(width)} | ${line}`).join("\n");
}
