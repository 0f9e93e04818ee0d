import type { ReactNode } from "react";

function Key({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-border bg-card px-1 py-px font-mono text-[11px] text-foreground shadow-xs">
      {children}
    </kbd>
  );
}

// Phones rarely have a keyboard, so the hint only shows where one is likely.
export function KeyboardHelp() {
  return (
    <p data-testid="keyboard-help" className="hidden text-xs text-muted-foreground md:block">
      <span className="sr-only">Keyboard shortcuts: </span>
      <Key>j</Key>/<Key>k</Key> move · <Key>Enter</Key> open · <Key>x</Key> select · <Key>e</Key>{" "}
      resolve
    </p>
  );
}
