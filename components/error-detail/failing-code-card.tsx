import { FileCode2 } from "lucide-react";
import { CodeViewer } from "@/components/code/code-viewer";
import type { CodeLanguage } from "@/components/code/monaco-code-viewer";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ParsedStackTrace } from "@/lib/errors/detail/parse-stack-trace";
import type { EventCode } from "@/lib/errors/detail/resolve-event-code";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

// Python tracebacks name .py files; everything else our executors run is JavaScript.
function detectLanguage(stack: ParsedStackTrace | null): CodeLanguage {
  const isPython = stack?.lines.some((line) => /File "[^"]+\.py"/.test(line.text));
  return isPython ? "python" : "javascript";
}

function describeCode(code: EventCode): string {
  if (code.origin === "snapshot") return "The copy of the filter the executor sent with the event.";
  return `Version ${code.version} (${code.source}), created ${dateFormat.format(code.createdAt)} UTC.`;
}

// The code of the failing run, read-only, with the line the error was raised on marked.
export function FailingCodeCard({
  code,
  stack,
}: {
  code: EventCode | null;
  stack: ParsedStackTrace | null;
}) {
  const failingLine = stack?.failingLine ?? null;
  const lineCount = code ? code.code.split("\n").length : 0;
  const markedLine = failingLine !== null && failingLine <= lineCount ? failingLine : null;
  return (
    <Card data-testid="failing-code">
      <CardHeader className="pb-3">
        <CardTitle>Failing code</CardTitle>
        {code ? <CardDescription>{describeCode(code)}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {code ? (
          <>
            <CodeViewer
              code={code.code}
              language={detectLanguage(stack)}
              markedLine={markedLine}
              ariaLabel={
                markedLine === null
                  ? "Filter code, read-only"
                  : `Filter code, read-only. The error was raised on line ${markedLine}.`
              }
            />
            <p className="text-xs text-muted-foreground" data-testid="failing-line-note">
              {markedLine !== null
                ? `The error was raised on line ${markedLine} (marked).`
                : failingLine !== null
                  ? `The trace names line ${failingLine}, which this code does not have.`
                  : "The stack trace names no line of your filter."}
            </p>
          </>
        ) : (
          <EmptyState
            icon={<FileCode2 />}
            title="No code recorded for this event"
            description="Executors can send code_version_id or filter_code_snapshot with each error."
            className="py-8"
          />
        )}
      </CardContent>
    </Card>
  );
}
