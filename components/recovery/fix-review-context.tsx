"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";

type FixReviewContextValue = {
  /** Whether the user started their own fix from the base code. */
  isManualDraftOpen: boolean;
  /** Bumped on every request to open the draft, so the workspace can take focus each time. */
  manualDraftRequest: number;
  openManualDraft: () => void;
  closeManualDraft: () => void;
};

const FixReviewContext = createContext<FixReviewContextValue | null>(null);

// The sidebar's "Write a fix yourself" opens a draft in the main column's workspace:
// both sit under this provider, which the server page wraps around its grid.
export function FixReviewProvider({ children }: { children: ReactNode }) {
  const [manualDraftRequest, setManualDraftRequest] = useState(0);
  const [isManualDraftOpen, setIsManualDraftOpen] = useState(false);
  const value = useMemo<FixReviewContextValue>(
    () => ({
      isManualDraftOpen,
      manualDraftRequest,
      openManualDraft: () => {
        setIsManualDraftOpen(true);
        setManualDraftRequest((count) => count + 1);
      },
      closeManualDraft: () => setIsManualDraftOpen(false),
    }),
    [isManualDraftOpen, manualDraftRequest],
  );
  return <FixReviewContext.Provider value={value}>{children}</FixReviewContext.Provider>;
}

export function useFixReview(): FixReviewContextValue {
  const value = useContext(FixReviewContext);
  if (!value) throw new Error("useFixReview must be used inside a FixReviewProvider.");
  return value;
}
