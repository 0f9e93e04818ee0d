"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { toast } from "sonner";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/app/(app)/notifications/actions";
import { isNotificationEvent } from "@/components/notifications/is-notification-event";
import { bellNotificationLimit } from "@/components/notifications/notification-bell-limit";
import { useRealtimeEvent } from "@/components/realtime/realtime-context";
import {
  type NotificationView,
  notificationListViewSchema,
} from "@/lib/notifications/notification-view";

// Ingest publishes group.* and notification.created for the same event: one refetch.
const refetchDelayMs = 250;

export type NotificationsSnapshot = { unreadCount: number; latest: NotificationView[] };

type NotificationsContextValue = NotificationsSnapshot & {
  hasLoadError: boolean;
  refresh(): Promise<void>;
  markRead(notification: Pick<NotificationView, "id" | "readAt">): Promise<void>;
  markAllRead(): Promise<void>;
};

const NotificationsContext = createContext<NotificationsContextValue | null>(null);

export function useNotifications(): NotificationsContextValue {
  const context = useContext(NotificationsContext);
  if (!context) throw new Error("useNotifications needs a NotificationsProvider above it.");
  return context;
}

async function fetchSnapshot(signal: AbortSignal): Promise<NotificationsSnapshot> {
  const response = await fetch(`/api/notifications?limit=${bellNotificationLimit}`, {
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(`GET /api/notifications answered ${response.status}`);
  const body = notificationListViewSchema.parse(await response.json());
  return { unreadCount: body.unreadCount, latest: body.data };
}

function markedRead(latest: NotificationView[], id: string | null, at: string) {
  return latest.map((item) =>
    item.readAt === null && (id === null || item.id === id) ? { ...item, readAt: at } : item,
  );
}

// One instance per shell (the sidebar and top-bar bells share it), so there is one
// fetch and one live subscription however many bells render.
export function NotificationsProvider({
  initial,
  children,
}: {
  initial: NotificationsSnapshot;
  children: ReactNode;
}) {
  const [snapshot, setSnapshot] = useState(initial);
  const [hasLoadError, setHasLoadError] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const refetchTimer = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    // Only the newest request may write: an older answer must not overwrite a newer one.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const next = await fetchSnapshot(controller.signal);
      if (controller.signal.aborted) return;
      setSnapshot(next);
      setHasLoadError(false);
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn("[notifications] refresh failed", error);
      setHasLoadError(true);
    }
  }, []);

  const scheduleRefresh = useCallback(() => {
    if (refetchTimer.current !== null) return;
    refetchTimer.current = window.setTimeout(() => {
      refetchTimer.current = null;
      void refresh();
    }, refetchDelayMs);
  }, [refresh]);

  useRealtimeEvent((event) => {
    if (isNotificationEvent(event)) scheduleRefresh();
  });

  // Catch up after the tab was in the background (a live connection may have dropped).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") scheduleRefresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      inFlight.current?.abort();
      if (refetchTimer.current !== null) window.clearTimeout(refetchTimer.current);
    };
  }, [scheduleRefresh]);

  const markRead = useCallback(
    async (notification: Pick<NotificationView, "id" | "readAt">) => {
      if (notification.readAt !== null) return;
      const now = new Date().toISOString();
      // Optimistic: the badge drops as the user opens the notification.
      setSnapshot((current) => ({
        unreadCount: Math.max(0, current.unreadCount - 1),
        latest: markedRead(current.latest, notification.id, now),
      }));
      const result = await markNotificationReadAction({ notificationId: notification.id });
      if (result.ok) {
        setSnapshot((current) => ({ ...current, unreadCount: result.data.unreadCount }));
      } else {
        await refresh();
      }
    },
    [refresh],
  );

  const markAllRead = useCallback(async () => {
    const result = await markAllNotificationsReadAction({});
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    const now = new Date().toISOString();
    setSnapshot((current) => ({
      unreadCount: result.data.unreadCount,
      latest: markedRead(current.latest, null, now),
    }));
  }, []);

  const value = useMemo(
    () => ({ ...snapshot, hasLoadError, refresh, markRead, markAllRead }),
    [snapshot, hasLoadError, refresh, markRead, markAllRead],
  );

  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
