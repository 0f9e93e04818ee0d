"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

const copiedFeedbackMs = 2_000;

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  value: string;
  // Names what is copied for screen readers, e.g. "API key".
  label: string;
};

export function CopyButton({ value, label, ...props }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = window.setTimeout(() => setState("idle"), copiedFeedbackMs);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // navigator.clipboard is missing outside secure contexts: that lands in catch too.
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={copy} {...props}>
        {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {label}</span>
      </Button>
      <span role="status" className={state === "failed" ? "text-xs text-destructive" : "sr-only"}>
        {state === "copied" ? `${label} copied to the clipboard.` : null}
        {state === "failed" ? "Could not copy: select the text and copy it by hand." : null}
      </span>
    </>
  );
}
