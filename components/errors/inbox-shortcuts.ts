export type InboxShortcut = "next" | "previous" | "open" | "resolve" | "toggle-selection";

export type KeyContext = {
  // In a text field, select or contenteditable: every key belongs to the field.
  isTyping: boolean;
  // Inside a dialog (e.g. the bulk note): the dialog owns the keyboard.
  isInDialog: boolean;
  // On a link or button, whose Enter must keep its native meaning.
  isOnControl: boolean;
  // Ctrl/Cmd/Alt chords are the browser's and the OS's, never ours.
  hasModifier: boolean;
};

const shortcutByKey: Record<string, InboxShortcut> = {
  j: "next",
  k: "previous",
  Enter: "open",
  e: "resolve",
  x: "toggle-selection",
};

export function inboxShortcutFor(key: string, context: KeyContext): InboxShortcut | null {
  if (context.isTyping || context.isInDialog || context.hasModifier) return null;
  const shortcut = shortcutByKey[key] ?? null;
  if (shortcut === "open" && context.isOnControl) return null;
  return shortcut;
}

const nonTypingInputTypes = new Set(["checkbox", "radio", "button", "submit", "reset"]);

export function readKeyContext(event: KeyboardEvent): KeyContext {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const isTextInput =
    target instanceof HTMLInputElement && !nonTypingInputTypes.has(target.type.toLowerCase());
  return {
    isTyping:
      event.isComposing ||
      isTextInput ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      Boolean(target?.isContentEditable),
    isInDialog: Boolean(target?.closest("[role=dialog],[role=alertdialog]")),
    isOnControl: Boolean(target?.closest("a[href],button,input,[role=button]")),
    hasModifier: event.ctrlKey || event.metaKey || event.altKey,
  };
}

// j/k from no cursor start at the top; at either end the cursor stays put.
export function moveCursor(
  rowIds: readonly string[],
  focusedId: string | null,
  step: 1 | -1,
): string | null {
  if (rowIds.length === 0) return null;
  const index = focusedId ? rowIds.indexOf(focusedId) : -1;
  if (index === -1) return rowIds[0] ?? null;
  return rowIds[Math.min(Math.max(index + step, 0), rowIds.length - 1)] ?? null;
}
