import { z } from "zod";
import type { IgnoreOptions } from "@/lib/errors/change-group-status";

// The ignore windows the detail page offers; the API accepts any time or count.
export const ignoreDurations = [
  { hours: 1, label: "1 hour" },
  { hours: 6, label: "6 hours" },
  { hours: 24, label: "24 hours" },
  { hours: 24 * 7, label: "7 days" },
  { hours: 24 * 30, label: "30 days" },
] as const;

export const MAX_IGNORE_EVENTS = 1_000_000;

export const ignoreChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("forever") }),
  z.object({
    kind: z.literal("duration"),
    hours: z
      .int()
      .refine(
        (hours) => ignoreDurations.some((duration) => duration.hours === hours),
        "Choose one of the offered durations.",
      ),
  }),
  z.object({
    kind: z.literal("events"),
    count: z
      .int("Enter a whole number of events.")
      .min(1, "Enter at least 1 event.")
      .max(MAX_IGNORE_EVENTS, `Enter at most ${MAX_IGNORE_EVENTS.toLocaleString("en-US")}.`),
  }),
]);
export type IgnoreChoice = z.infer<typeof ignoreChoiceSchema>;

// "Forever" is an ignore without a window.
export function toIgnoreOptions(choice: IgnoreChoice, now: Date): IgnoreOptions | undefined {
  if (choice.kind === "duration")
    return { until: new Date(now.getTime() + choice.hours * 3_600_000) };
  if (choice.kind === "events") return { events: choice.count };
  return undefined;
}
