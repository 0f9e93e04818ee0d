"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useRealtimeEvent } from "@/components/realtime/realtime-context";

const refreshDelayMs = 400;

// Keeps /notifications current. The shell's LiveRefresh already re-renders pages on
// group.* events (which cover ingest's notifications); this adds the notifications
// app code raises (fix ready, workflow disabled), which come without a group event.
export function RefreshOnNotification() {
  const router = useRouter();
  const timer = useRef<number | null>(null);

  useRealtimeEvent((event) => {
    if (event.type !== "notification.created" || timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, refreshDelayMs);
  });

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return null;
}
