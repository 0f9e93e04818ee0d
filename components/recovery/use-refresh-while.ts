"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-renders the server page every `intervalMs` while `isActive`: an attempt's progress
// is written by a background job that publishes no realtime event for each step.
export function useRefreshWhile(isActive: boolean, intervalMs = 2_000): void {
  const router = useRouter();
  useEffect(() => {
    if (!isActive) return;
    const timer = window.setInterval(() => router.refresh(), intervalMs);
    return () => window.clearInterval(timer);
  }, [isActive, intervalMs, router]);
}
