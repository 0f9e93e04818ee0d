import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

// Later classes win over earlier conflicting ones, so callers can override
// a component's defaults with a plain className prop.
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
