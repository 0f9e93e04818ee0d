import type { InboxParams } from "@/lib/errors/inbox/inbox-search-params";

// Time orderings page through "newer" and "older" groups; the event count has no
// such direction, so it pages plainly.
export function pageLinkLabels({ sort, order }: Pick<InboxParams, "sort" | "order">): {
  previous: string;
  next: string;
} {
  if (sort === "count") return { previous: "Previous", next: "Next" };
  return order === "desc"
    ? { previous: "Newer", next: "Older" }
    : { previous: "Older", next: "Newer" };
}
