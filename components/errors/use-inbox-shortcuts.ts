"use client";

import { useEffect, useRef } from "react";
import {
  type InboxShortcut,
  inboxShortcutFor,
  readKeyContext,
} from "@/components/errors/inbox-shortcuts";

// Listens on the document so the shortcuts work wherever focus is on the page, except
// where typing or a dialog needs the keys (see inboxShortcutFor).
export function useInboxShortcuts(onShortcut: (shortcut: InboxShortcut) => void): void {
  const latest = useRef(onShortcut);
  latest.current = onShortcut;
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const shortcut = inboxShortcutFor(event.key, readKeyContext(event));
      if (!shortcut) return;
      // Holding j or k scrolls through rows; holding e or x must not fire repeatedly.
      if (event.repeat && shortcut !== "next" && shortcut !== "previous") return;
      event.preventDefault();
      latest.current(shortcut);
    }
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, []);
}
