"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
// The core editor plus only what a read-only viewer needs. Syntax colouring comes from
// Monarch tokenizers that run on the main thread, and none of the worker-backed
// features (links, word suggestions, unicode highlights, language services) is
// registered, so Monaco never starts a web worker.
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/find/register";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/python/register";
import "@/components/code/code-viewer.css";
import { codeViewerHeight } from "@/components/code/code-viewer-height";
import { quietMonacoOptions } from "@/components/code/monaco-quiet-options";
import { usePrefersDark } from "@/components/code/use-prefers-dark";

// Bundled monaco instead of @monaco-editor/react's default, which loads it from a CDN.
loader.config({ monaco });

export type CodeLanguage = "javascript" | "python";

export type MonacoCodeViewerProps = {
  code: string;
  language: CodeLanguage;
  // 1-based line to mark and scroll to.
  markedLine: number | null;
  ariaLabel: string;
};

const options: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...quietMonacoOptions,
  readOnly: true,
  domReadOnly: true,
  selectionHighlight: false,
  renderLineHighlight: "none",
};

export default function MonacoCodeViewer({
  code,
  language,
  markedLine,
  ariaLabel,
}: MonacoCodeViewerProps) {
  const isDark = usePrefersDark();

  const handleMount: OnMount = (editor, instance) => {
    const model = editor.getModel();
    if (!model || markedLine === null || markedLine > model.getLineCount()) return;
    editor.createDecorationsCollection([
      {
        range: new instance.Range(markedLine, 1, markedLine, 1),
        options: {
          isWholeLine: true,
          className: "fl-failing-line",
          linesDecorationsClassName: "fl-failing-line-gutter",
          overviewRuler: { color: "#e11d48", position: instance.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    editor.revealLineInCenter(markedLine);
  };

  return (
    <Editor
      value={code}
      language={language}
      theme={isDark ? "vs-dark" : "vs"}
      height={codeViewerHeight(code)}
      options={{ ...options, ariaLabel }}
      onMount={handleMount}
      loading={null}
    />
  );
}
