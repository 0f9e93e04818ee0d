"use client";

import { useEffect, useRef, useState } from "react";
import ReactDiffViewer, { DiffMethod } from "react-diff-viewer-continued";
import { usePrefersDark } from "@/components/code/use-prefers-dark";

export type CodeDiffProps = {
  oldCode: string;
  newCode: string;
  oldTitle: string;
  newTitle: string;
  /** Names the diff for screen readers, e.g. "Changes from version 3 to the proposed fix". */
  label: string;
};

// Below this the two columns cut long lines off; one column reads better.
const SPLIT_VIEW_MIN_WIDTH = 720;

// The diff sits in columns and dialogs of very different widths: it follows its own
// width, not the window's.
function useIsWide(ref: React.RefObject<HTMLElement | null>): boolean {
  const [isWide, setIsWide] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setIsWide(entry.contentRect.width >= SPLIT_VIEW_MIN_WIDTH);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return isWide;
}

// Filter files are small: the diff is computed inline rather than in the package's
// web worker, which Next's bundler would have to ship separately.
export function CodeDiff({ oldCode, newCode, oldTitle, newTitle, label }: CodeDiffProps) {
  const containerRef = useRef<HTMLElement>(null);
  const isWide = useIsWide(containerRef);
  const isDark = usePrefersDark();
  return (
    <section
      ref={containerRef}
      aria-label={label}
      className="w-full min-w-0 overflow-x-auto rounded-lg border border-border text-xs"
      data-testid="code-diff"
    >
      <ReactDiffViewer
        oldValue={oldCode}
        newValue={newCode}
        leftTitle={oldTitle}
        rightTitle={newTitle}
        splitView={isWide}
        useDarkTheme={isDark}
        compareMethod={DiffMethod.LINES}
        highlightLanguage="javascript"
        extraLinesSurroundingDiff={4}
        disableWorker
      />
    </section>
  );
}
