"use client";

import { LoaderCircle, Play } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { FixPreviewError, fetchFixPreview } from "@/components/recovery/fetch-fix-preview";
import { PreviewTable } from "@/components/recovery/preview-table";
import { Button } from "@/components/ui/button";
import type { FixPreview } from "@/lib/preview/preview-types";

type PreviewState =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number | null }
  | { phase: "failed"; title: string; detail: string }
  | { phase: "done"; preview: FixPreview };

type CountKey = "fixed" | "broken" | "stillFailing" | "selectionChanged" | "unchanged";

const summaryCounts: { key: CountKey; label: string }[] = [
  { key: "fixed", label: "Fixed" },
  { key: "broken", label: "Broken" },
  { key: "stillFailing", label: "Still failing" },
  { key: "selectionChanged", label: "Selection changed" },
  { key: "unchanged", label: "Unchanged" },
];

function PreviewProgress({ done, total }: { done: number; total: number | null }) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="flex flex-col gap-1.5" data-testid="preview-progress">
      <div
        role="progressbar"
        aria-label="Preview progress"
        aria-valuemin={0}
        aria-valuemax={total ?? 100}
        aria-valuenow={total ? done : undefined}
        aria-valuetext={total ? `${done} of ${total} inputs run` : "Starting"}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full rounded-full bg-primary transition-[width] duration-300"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-xs text-muted-foreground" aria-hidden="true">
        {total ? `${done} of ${total} inputs run` : "Starting the sandbox…"}
      </p>
    </div>
  );
}

function PreviewSummary({ preview }: { preview: FixPreview }) {
  const { summary } = preview;
  return (
    <div className="flex flex-col gap-3" data-testid="preview-summary">
      <p className="text-sm font-medium">{summary.text}</p>
      <dl className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-muted-foreground">Inputs</dt>
          <dd className="font-medium tabular-nums">{summary.total}</dd>
        </div>
        {summaryCounts.map(({ key, label }) => (
          <div key={key} className="flex gap-1.5" data-testid={`preview-count-${key}`}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="font-medium tabular-nums">{summary[key]}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">Old results are from {preview.base.label}.</p>
    </div>
  );
}

// Runs the draft against recent real inputs in the sandbox (streamed progress), then
// shows how each input's result would move: the behavioural diff before a deploy.
export function FixPreviewSection({
  groupId,
  code,
  disabledReason,
}: {
  groupId: string;
  code: string;
  /** Why a preview cannot run now (e.g. unsaved edits); null when it can. */
  disabledReason: string | null;
}) {
  const [state, setState] = useState<PreviewState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  const hintId = useId();
  const titleId = useId();

  // A preview still streaming when the draft changes or the page goes is abandoned.
  useEffect(() => () => abort.current?.abort(), []);

  async function run() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", done: 0, total: null });
    try {
      const preview = await fetchFixPreview({
        groupId,
        code,
        signal: controller.signal,
        onProgress: ({ done, total }) => setState({ phase: "running", done, total }),
      });
      setState({ phase: "done", preview });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState(
        error instanceof FixPreviewError
          ? { phase: "failed", title: error.title, detail: error.detail }
          : { phase: "failed", title: "Preview failed", detail: "Something went wrong." },
      );
    }
  }

  const isRunning = state.phase === "running";
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-col gap-0.5">
          <h3 id={titleId} className="text-sm font-semibold">
            Preview on recent inputs
          </h3>
          <p id={hintId} className="text-xs text-muted-foreground">
            {disabledReason ??
              "Runs the old and the new code on this trader's recent inputs, in the sandbox."}
          </p>
        </div>
        <Button
          variant="outline"
          onClick={run}
          disabled={isRunning || disabledReason !== null}
          aria-busy={isRunning || undefined}
          aria-describedby={hintId}
          data-testid="run-preview"
        >
          {isRunning ? (
            <LoaderCircle aria-hidden="true" className="animate-spin" />
          ) : (
            <Play aria-hidden="true" />
          )}
          {state.phase === "done" ? "Run preview again" : "Run preview"}
        </Button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-3">
        {state.phase === "running" ? (
          <PreviewProgress done={state.done} total={state.total} />
        ) : null}
        {state.phase === "failed" ? (
          <div
            role="alert"
            className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
            data-testid="preview-error"
          >
            <p className="font-medium">{state.title}</p>
            <p className="[overflow-wrap:anywhere]">{state.detail}</p>
          </div>
        ) : null}
        {state.phase === "done" ? <PreviewSummary preview={state.preview} /> : null}
      </div>
      {state.phase === "done" && state.preview.rows.length > 0 ? (
        <PreviewTable rows={state.preview.rows} />
      ) : null}
    </section>
  );
}
