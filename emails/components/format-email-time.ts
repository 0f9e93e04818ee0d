const formatter = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

// Emails cannot know the reader's time zone: times are shown in UTC and say so.
export function formatEmailTime(iso: string): string {
  return formatter.format(new Date(iso));
}
