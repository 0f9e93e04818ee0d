"use client";

import { Toaster as SonnerToaster } from "sonner";

// Follows the OS colour scheme like the rest of the app, and borrows our
// surface tokens so toasts don't look like a foreign widget.
export function Toaster() {
  return (
    <SonnerToaster
      theme="system"
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast:
            "!rounded-lg !border !border-border !bg-popover !text-popover-foreground !shadow-lg",
          description: "!text-muted-foreground",
        },
      }}
    />
  );
}
