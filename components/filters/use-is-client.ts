import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** False during server rendering and hydration, true afterwards: the viewer's time zone is only known in the browser. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
