"use client";

import { useMediaQuery } from "@/components/code/use-media-query";

// The app follows the OS colour scheme (see globals.css); widgets that paint their
// own colours, like Monaco and the diff viewer, follow it through this.
export function usePrefersDark(): boolean {
  return useMediaQuery("(prefers-color-scheme: dark)");
}
