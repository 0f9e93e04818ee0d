"use client";

import { type ComponentProps, useEffect, useState } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/components/ui/format-relative-time";
import { cn } from "@/lib/utils/cn";

const refreshIntervalMs = 30_000;

type RelativeTimeProps = Omit<ComponentProps<"time">, "dateTime" | "children"> & {
  date: Date | string;
};

export function RelativeTime({ date, className, ...props }: RelativeTimeProps) {
  const value = typeof date === "string" ? new Date(date) : date;
  const [now, setNow] = useState(() => Date.now());
  // The exact local time depends on the viewer's time zone, which the server
  // can't know: show ISO until mounted, then the local rendering.
  const [isMounted, setIsMounted] = useState(false);

  useEffect(() => {
    setIsMounted(true);
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), refreshIntervalMs);
    return () => window.clearInterval(timer);
  }, []);

  const iso = value.toISOString();
  const title = isMounted ? `${formatAbsoluteTime(value)} (${iso})` : iso;

  return (
    <time
      dateTime={iso}
      title={title}
      // Server and browser clocks differ by the request latency, so the text may
      // legitimately change between server render and hydration.
      suppressHydrationWarning
      className={cn("whitespace-nowrap tabular-nums", className)}
      {...props}
    >
      {formatRelativeTime(value, now)}
    </time>
  );
}
