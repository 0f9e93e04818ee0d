import type * as monaco from "monaco-editor/editor";
import { CODE_LINE_HEIGHT } from "@/components/code/code-viewer-height";

// What the viewer and the editor share: no minimap, menus or links, and the
// worker-backed features (word suggestions, unicode and occurrence highlights) off,
// so Monaco never starts a web worker. The page scrolls when the wheel is over a short file.
export const quietMonacoOptions: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  contextmenu: false,
  links: false,
  quickSuggestions: false,
  wordBasedSuggestions: "off",
  occurrencesHighlight: "off",
  unicodeHighlight: {
    ambiguousCharacters: false,
    invisibleCharacters: false,
    nonBasicASCII: false,
  },
  folding: false,
  glyphMargin: false,
  lineNumbersMinChars: 3,
  fontSize: 13,
  lineHeight: CODE_LINE_HEIGHT,
  padding: { top: 8, bottom: 8 },
  scrollbar: { alwaysConsumeMouseWheel: false },
};
