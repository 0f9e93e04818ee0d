"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { connectEventSource } from "@/components/realtime/connect-event-source";
import { connectPusher } from "@/components/realtime/connect-pusher";
import {
  RealtimeContext,
  type RealtimeListener,
  type RealtimeStatus,
} from "@/components/realtime/realtime-context";
import type { RealtimeClientConfig } from "@/lib/realtime/realtime-client-config";
import { realtimeEventSchema } from "@/lib/realtime/realtime-event";

// One live connection per signed-in page, shared by every useRealtimeEvent below it.
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeClientConfig;
  children: ReactNode;
}) {
  // The config comes from the environment and is fixed for the page's lifetime, but
  // every router.refresh() hands us a new object: connect once, not per refresh.
  const [initialConfig] = useState(config);
  const [status, setStatus] = useState<RealtimeStatus>("connecting");
  const listeners = useRef(new Set<RealtimeListener>());

  useEffect(() => {
    const handlers = {
      onStatus: setStatus,
      onMessage(data: unknown) {
        // The server is trusted, but a message from an older deploy must not crash a page.
        const parsed = realtimeEventSchema.safeParse(data);
        if (!parsed.success) {
          console.warn("[realtime] ignored an unknown event", parsed.error.issues);
          return;
        }
        for (const listener of [...listeners.current]) {
          try {
            listener(parsed.data);
          } catch (error) {
            console.error("[realtime] listener threw", error);
          }
        }
      },
    };
    const connection =
      initialConfig.driver === "pusher"
        ? connectPusher(initialConfig, handlers)
        : connectEventSource(handlers);
    return () => connection.close();
  }, [initialConfig]);

  const subscribe = useCallback((listener: RealtimeListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ subscribe, status }), [subscribe, status]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
