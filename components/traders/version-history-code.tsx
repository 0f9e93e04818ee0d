"use client";

import { ChevronRight } from "lucide-react";
import { useState } from "react";
import { CodeViewer } from "@/components/code/code-viewer";
import { useVersionCode, type VersionCode } from "@/components/traders/version-history-code-loader";
import { Skeleton } from "@/components/ui/skeleton";

// "View code": a disclosure that fetches the version's code the first time it opens.
export function VersionHistoryCode({
  traderId,
  versionId,
  version,
  initial,
}: {
  traderId: string;
  versionId: string;
  version: number;
  initial: VersionCode | null;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const state = useVersionCode({ traderId, versionId, isEnabled: isOpen, initial });
  return (
    <details
      className="group min-w-0"
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
      data-testid="version-code"
    >
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-sm text-link hover:underline focus-visible:outline-2 focus-visible:outline-ring/40 [&::-webkit-details-marker]:hidden">
        <ChevronRight
          aria-hidden="true"
          className="size-4 transition-transform group-open:rotate-90"
        />
        View code
        <span className="sr-only"> of v{version}</span>
      </summary>
      <div className="mt-2 min-w-0">
        {state.status === "loaded" ? (
          <CodeViewer
            code={state.version.code}
            language="javascript"
            markedLine={null}
            ariaLabel={`Code of version ${version}, read-only`}
          />
        ) : state.status === "error" ? (
          <p role="alert" className="text-sm text-destructive">
            {state.message}
          </p>
        ) : (
          <div role="status" aria-label={`Loading the code of v${version}`}>
            <Skeleton className="h-32 w-full" />
          </div>
        )}
      </div>
    </details>
  );
}
