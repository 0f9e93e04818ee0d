"use client";

import { useEffect, useState } from "react";
import { loadVersionCodeAction } from "@/app/(app)/traders/actions";

export type VersionCode = { id: string; version: number; code: string };

export type VersionCodeState =
  | { status: "idle" | "loading" }
  | { status: "loaded"; version: VersionCode }
  | { status: "error"; message: string };

// Code is left out of the history (it can be long and there may be 50 versions):
// one version's code is fetched the first time something needs it. `initial` skips
// the request when the page already sent the code (the active version's).
export function useVersionCode({
  traderId,
  versionId,
  isEnabled,
  initial = null,
}: {
  traderId: string;
  versionId: string;
  isEnabled: boolean;
  initial?: VersionCode | null;
}): VersionCodeState {
  const [state, setState] = useState<VersionCodeState>(() =>
    initial ? { status: "loaded", version: initial } : { status: "idle" },
  );
  const isLoaded = state.status === "loaded";

  useEffect(() => {
    if (!isEnabled || isLoaded) return;
    let isCancelled = false;
    setState({ status: "loading" });
    loadVersionCodeAction({ traderId, versionId }).then(
      (result) => {
        if (isCancelled) return;
        setState(
          result.ok
            ? { status: "loaded", version: result.data }
            : { status: "error", message: result.message },
        );
      },
      () => {
        if (!isCancelled) setState({ status: "error", message: "The code could not be loaded." });
      },
    );
    return () => {
      isCancelled = true;
    };
  }, [traderId, versionId, isEnabled, isLoaded]);

  return state;
}
