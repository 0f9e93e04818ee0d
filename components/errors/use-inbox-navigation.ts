"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { type InboxParams, inboxHref } from "@/lib/errors/inbox/inbox-search-params";

// Every view change is a real navigation (a history entry), so the back button
// restores the previous filters and links can be shared.
export function useInboxNavigation() {
  const router = useRouter();
  const [isNavigating, startTransition] = useTransition();
  const navigate = useCallback(
    (params: InboxParams) => {
      startTransition(() => router.push(inboxHref(params), { scroll: false }));
    },
    [router],
  );
  return { navigate, isNavigating };
}
