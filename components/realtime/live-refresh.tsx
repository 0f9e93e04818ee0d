"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { isPageDataEvent } from "@/components/realtime/is-page-data-event";
import { useRealtimeEvent, useRealtimeStatus } from "@/components/realtime/realtime-context";

// An ingest burst publishes many events in a few milliseconds: they become one refresh.
const refreshDelayMs = 500;

// Re-renders the current server page (inbox, group detail, trader) when its data
// changes, keeping client state such as selection and scroll. Also refreshes once
// after a reconnect, since events sent while offline were not received.
export function LiveRefresh() {
  const router = useRouter();
  const status = useRealtimeStatus();
  const timer = useRef<number | null>(null);
  const hasBeenLive = useRef(false);

  const scheduleRefresh = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, refreshDelayMs);
  }, [router]);

  useRealtimeEvent((event) => {
    if (isPageDataEvent(event)) scheduleRefresh();
  });

  useEffect(() => {
    if (status !== "live") return;
    if (hasBeenLive.current) scheduleRefresh();
    hasBeenLive.current = true;
  }, [status, scheduleRefresh]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return null;
}
