"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
// The same locally bundled core as the viewer, plus the editing contributions a filter
// author expects. None of them (nor the viewer's) asks the editor worker service for
// anything, and suggestions, links and unicode highlights stay off, so typing never
// starts a web worker.
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/python/register";
import "@/components/code/code-viewer.css";
import type { CodeLanguage } from "@/components/code/monaco-code-viewer";
import { quietMonacoOptions } from "@/components/code/monaco-quiet-options";
import { usePrefersDark } from "@/components/code/use-prefers-dark";

loader.config({ monaco });

export type MonacoCodeEditorProps = {
  /** The starting text; later edits are the editor's own until the parent remounts it. */
  initialCode: string;
  language: CodeLanguage;
  ariaLabel: string;
  height: number;
  onChange: (code: string) => void;
  /** Focuses the editor once it is ready, e.g. right after the user asked to edit. */
  isAutoFocused?: boolean;
  /** Id of a hint for screen readers; Monaco has no option to point its input at one. */
  describedById?: string;
};

const options: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...quietMonacoOptions,
  suggestOnTriggerCharacters: false,
  parameterHints: { enabled: false },
  tabSize: 2,
};

export default function MonacoCodeEditor({
  initialCode,
  language,
  ariaLabel,
  height,
  onChange,
  isAutoFocused = false,
  describedById,
}: MonacoCodeEditorProps) {
  const isDark = usePrefersDark();

  const handleMount: OnMount = (editor) => {
    // The element that takes focus: an EditContext div where the browser supports it
    // (Chromium), else the classic hidden textarea.
    const input = editor.getDomNode()?.querySelector(".native-edit-context, textarea.inputarea");
    if (input && describedById) input.setAttribute("aria-describedby", describedById);
    if (isAutoFocused) editor.focus();
  };

  return (
    <Editor
      defaultValue={initialCode}
      language={language}
      theme={isDark ? "vs-dark" : "vs"}
      height={height}
      options={{ ...options, ariaLabel }}
      onMount={handleMount}
      onChange={(value) => onChange(value ?? "")}
      loading={null}
    />
  );
}
