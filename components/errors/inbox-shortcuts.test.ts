import { describe, expect, it } from "vitest";
import { inboxShortcutFor, type KeyContext, moveCursor } from "@/components/errors/inbox-shortcuts";

const onPage: KeyContext = {
  isTyping: false,
  isInDialog: false,
  isOnControl: false,
  hasModifier: false,
};

describe("inboxShortcutFor", () => {
  it("maps j, k, Enter, e and x", () => {
    expect(inboxShortcutFor("j", onPage)).toBe("next");
    expect(inboxShortcutFor("k", onPage)).toBe("previous");
    expect(inboxShortcutFor("Enter", onPage)).toBe("open");
    expect(inboxShortcutFor("e", onPage)).toBe("resolve");
    expect(inboxShortcutFor("x", onPage)).toBe("toggle-selection");
    expect(inboxShortcutFor("q", onPage)).toBeNull();
  });

  it("never takes keys while typing, in a dialog or with a modifier", () => {
    for (const context of [
      { ...onPage, isTyping: true },
      { ...onPage, isInDialog: true },
      { ...onPage, hasModifier: true },
    ]) {
      for (const key of ["j", "k", "Enter", "e", "x"]) {
        expect(inboxShortcutFor(key, context), `${key} ${JSON.stringify(context)}`).toBeNull();
      }
    }
  });

  it("leaves Enter on a link or button to the browser, but not the letters", () => {
    const onLink = { ...onPage, isOnControl: true };
    expect(inboxShortcutFor("Enter", onLink)).toBeNull();
    expect(inboxShortcutFor("j", onLink)).toBe("next");
    expect(inboxShortcutFor("x", onLink)).toBe("toggle-selection");
  });
});

describe("moveCursor", () => {
  const ids = ["a", "b", "c"];

  it("starts at the first row", () => {
    expect(moveCursor(ids, null, 1)).toBe("a");
    expect(moveCursor(ids, null, -1)).toBe("a");
    expect(moveCursor(ids, "gone", 1)).toBe("a");
  });

  it("moves one row and stops at either end", () => {
    expect(moveCursor(ids, "a", 1)).toBe("b");
    expect(moveCursor(ids, "b", -1)).toBe("a");
    expect(moveCursor(ids, "c", 1)).toBe("c");
    expect(moveCursor(ids, "a", -1)).toBe("a");
  });

  it("has nowhere to go on an empty page", () => {
    expect(moveCursor([], null, 1)).toBeNull();
  });
});
