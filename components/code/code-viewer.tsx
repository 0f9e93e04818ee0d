"use client";

import dynamic from "next/dynamic";
import { codeViewerHeight } from "@/components/code/code-viewer-height";
import type { MonacoCodeViewerProps } from "@/components/code/monaco-code-viewer";
import { Skeleton } from "@/components/ui/skeleton";

// Monaco touches window and document as it loads: browser only, in its own chunk
// so pages without code don't download it.
const MonacoCodeViewer = dynamic(() => import("@/components/code/monaco-code-viewer"), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full rounded-none" />,
});

export type CodeViewerProps = MonacoCodeViewerProps;

// A read-only code viewer with an optional marked line (e.g. where an error was raised).
export function CodeViewer(props: CodeViewerProps) {
  return (
    <div
      className="w-full min-w-0 overflow-hidden rounded-lg border border-border"
      style={{ height: codeViewerHeight(props.code) }}
      data-testid="code-viewer"
      data-marked-line={props.markedLine ?? undefined}
    >
      <MonacoCodeViewer {...props} />
    </div>
  );
}
