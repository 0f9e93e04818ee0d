"use client";

import ReactDiffViewer, { DiffMethod } from "react-diff-viewer-continued";
import { useMediaQuery } from "@/components/code/use-media-query";
import { usePrefersDark } from "@/components/code/use-prefers-dark";

export type CodeDiffProps = {
  oldCode: string;
  newCode: string;
  oldTitle: string;
  newTitle: string;
  /** Names the diff for screen readers, e.g. "Changes from version 3 to the proposed fix". */
  label: string;
};

// Side by side from tablet width up, one column on phones where two would not fit.
// Filter files are small: the diff is computed inline rather than in the package's
// web worker, which Next's bundler would have to ship separately.
export function CodeDiff({ oldCode, newCode, oldTitle, newTitle, label }: CodeDiffProps) {
  const isWide = useMediaQuery("(min-width: 768px)");
  const isDark = usePrefersDark();
  return (
    <section
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
