"use client";

import { createContext, useContext, useEffect, useRef } from "react";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";

export type RealtimeListener = (event: RealtimeEvent) => void;

// "live" once the driver's connection is up; pages can show it next to live data.
export type RealtimeStatus = "connecting" | "live" | "offline";

export type RealtimeContextValue = {
  subscribe(listener: RealtimeListener): () => void;
  status: RealtimeStatus;
};

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext)?.status ?? "offline";
}

// Calls the latest `listener` for every live event; outside a provider it does nothing.
export function useRealtimeEvent(listener: RealtimeListener): void {
  const context = useContext(RealtimeContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => context?.subscribe((event) => latest.current(event)), [context]);
}
