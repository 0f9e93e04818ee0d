"use client";

import dynamic from "next/dynamic";
import { useId } from "react";
import type { MonacoCodeEditorProps } from "@/components/code/monaco-code-editor";
import { Skeleton } from "@/components/ui/skeleton";

// Browser only and in its own chunk, like the viewer.
const MonacoCodeEditor = dynamic(() => import("@/components/code/monaco-code-editor"), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full rounded-none" />,
});

export type CodeEditorProps = Omit<MonacoCodeEditorProps, "height" | "describedById"> & {
  /** Editor height in pixels; filters are short, so a fixed box that scrolls inside. */
  height?: number;
};

const DEFAULT_HEIGHT = 420;

// An editable code editor. Tab indents inside it, so the hint tells keyboard users how
// to leave it (Monaco's tab-focus toggle).
export function CodeEditor({ height = DEFAULT_HEIGHT, ...props }: CodeEditorProps) {
  const hintId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <div
        className="w-full min-w-0 overflow-hidden rounded-lg border border-border"
        style={{ height }}
        data-testid="code-editor"
      >
        <MonacoCodeEditor {...props} height={height} describedById={hintId} />
      </div>
      <p id={hintId} className="text-xs text-muted-foreground">
        Tab indents. Press Ctrl+M (Ctrl+Shift+M on a Mac) to let Tab move focus out of the editor.
      </p>
    </div>
  );
}
