// The accessible name of the bell, e.g. "3 unread notifications".
export function formatUnreadLabel(count: number): string {
  if (count === 0) return "Notifications, none unread";
  return `${count.toLocaleString("en-US")} unread notification${count === 1 ? "" : "s"}`;
}

// The badge stays two characters wide however large the backlog.
export function formatUnreadBadge(count: number): string {
  return count > 99 ? "99+" : String(count);
}
