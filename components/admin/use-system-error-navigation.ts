"use client";

import { useRouter } from "next/navigation";
import { useCallback, useOptimistic, useTransition } from "react";
import { type SystemErrorParams, systemErrorsHref } from "@/lib/admin/system-error-search-params";

// Every view change is a real navigation (a history entry), so the back button
// restores the previous filters and links can be shared. The controls show the
// requested view at once (optimistic), so a second click while the first page is
// still loading builds on the first instead of undoing it.
export function useSystemErrorNavigation(params: SystemErrorParams) {
  const router = useRouter();
  const [isNavigating, startTransition] = useTransition();
  const [shownParams, setShownParams] = useOptimistic(params);
  const navigate = useCallback(
    (next: SystemErrorParams) => {
      startTransition(() => {
        setShownParams(next);
        router.push(systemErrorsHref(next), { scroll: false });
      });
    },
    [router, setShownParams],
  );
  return { params: shownParams, navigate, isNavigating };
}
