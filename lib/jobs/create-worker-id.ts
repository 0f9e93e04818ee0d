import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

// Recorded in jobs.locked_by: which process holds a job, for fencing and for debugging.
export function createWorkerId(role: string): string {
  return `${role}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
