import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type SortableHeaderProps = {
  children: ReactNode;
  direction: false | "asc" | "desc";
  isRightAligned?: boolean;
  onToggle: ((event: unknown) => void) | undefined;
};

// A real <button> inside the <th> so sorting works by keyboard; the <th> itself
// carries aria-sort for screen readers.
export function SortableHeader({
  children,
  direction,
  isRightAligned,
  onToggle,
}: SortableHeaderProps) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <button
      type="button"
      onClick={onToggle}
      className={cn(
        "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase tracking-wide hover:bg-subtle hover:text-foreground",
        direction && "text-foreground",
        isRightAligned && "flex-row-reverse",
      )}
    >
      {children}
      <Icon aria-hidden="true" className={cn("size-3.5", !direction && "opacity-50")} />
    </button>
  );
}
