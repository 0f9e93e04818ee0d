/** "1 event", "1,204 events": a count with its noun, for English UI text and prompts. */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
