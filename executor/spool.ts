import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { z } from "zod";

export type SpoolEntry<T> = { seq: number; payload: T };

export type Spool<T> = {
  enqueue(payload: T): SpoolEntry<T>;
  peek(): SpoolEntry<T> | undefined;
  entries(): readonly SpoolEntry<T>[];
  ack(seq: number): void;
  readonly size: number;
  compact(): void;
  close(): void;
};

export type SpoolRecovery = { pending: number; skippedLines: number };

const LOG_FILE = "reports.jsonl";
const ACK_FILE = "acked";
const DEFAULT_COMPACT_EVERY = 500;

const lineSchema = z.object({ seq: z.int().min(1), payload: z.unknown() });

function fsyncDirectory(dir: string): void {
  // Makes a rename durable; some platforms cannot open a directory, which is harmless.
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {}
}

// Write-to-temp, fsync, rename: readers see the old file or the new one, never half.
function writeFileAtomically(file: string, content: string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  fsyncDirectory(path.dirname(file));
}

function readAckedSeq(file: string): number {
  if (!existsSync(file)) return 0;
  const value = Number(readFileSync(file, "utf8").trim());
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

type ParsedLog<T> = {
  entries: SpoolEntry<T>[];
  acked: number;
  maxSeq: number;
  validBytes: number;
  skipped: number;
};

function readLog<T>(file: string, schema: z.ZodType<T>, ackedSeq: number): ParsedLog<T> {
  const parsed: ParsedLog<T> = { entries: [], acked: 0, maxSeq: 0, validBytes: 0, skipped: 0 };
  if (!existsSync(file)) return parsed;
  const buffer = readFileSync(file);
  let start = 0;
  while (start < buffer.length) {
    const newline = buffer.indexOf(0x0a, start);
    // No newline: the last append was torn by a crash before it was complete.
    if (newline === -1) {
      parsed.skipped += 1;
      break;
    }
    const line = buffer.subarray(start, newline).toString("utf8");
    start = newline + 1;
    parsed.validBytes = start;
    const entry = parseLine(line, schema);
    if (!entry) {
      parsed.skipped += line.trim() === "" ? 0 : 1;
      continue;
    }
    parsed.maxSeq = Math.max(parsed.maxSeq, entry.seq);
    if (entry.seq > ackedSeq) parsed.entries.push(entry);
    else parsed.acked += 1;
  }
  return parsed;
}

function parseLine<T>(line: string, schema: z.ZodType<T>): SpoolEntry<T> | null {
  try {
    const raw = lineSchema.safeParse(JSON.parse(line));
    if (!raw.success) return null;
    const payload = schema.safeParse(raw.data.payload);
    return payload.success ? { seq: raw.data.seq, payload: payload.data } : null;
  } catch {
    return null;
  }
}

// A durable FIFO of reports: an append-only JSONL log (fsync on every enqueue) plus a
// watermark file naming the last acknowledged sequence number. Entries are acked in
// order (the sender works head first so reports of one schedule reach the server in
// candle order), so one number says exactly which entries are gone after a crash.
export function openSpool<T>(options: {
  dir: string;
  schema: z.ZodType<T>;
  compactEvery?: number;
  onRecover?: (recovery: SpoolRecovery) => void;
}): Spool<T> {
  const { dir, schema } = options;
  const compactEvery = options.compactEvery ?? DEFAULT_COMPACT_EVERY;
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, LOG_FILE);
  const ackFile = path.join(dir, ACK_FILE);

  const ackedSeq = readAckedSeq(ackFile);
  const log = readLog(logFile, schema, ackedSeq);
  // Cut a torn tail off, or the next append would be glued onto it.
  if (existsSync(logFile)) truncateSync(logFile, log.validBytes);
  const pending = log.entries;
  let nextSeq = Math.max(log.maxSeq, ackedSeq) + 1;
  let ackedInLog = log.acked;
  let fd: number | null = openSync(logFile, "a");
  options.onRecover?.({ pending: pending.length, skippedLines: log.skipped });

  const openFd = (): number => {
    if (fd === null) throw new Error("The spool is closed.");
    return fd;
  };

  const compact = (): void => {
    const content = pending.map((entry) => `${JSON.stringify(entry)}\n`).join("");
    closeSync(openFd());
    fd = null;
    writeFileAtomically(logFile, content);
    fd = openSync(logFile, "a");
    ackedInLog = 0;
  };

  return {
    enqueue(payload) {
      const entry = { seq: nextSeq, payload };
      const handle = openFd();
      writeSync(handle, `${JSON.stringify(entry)}\n`);
      fsyncSync(handle);
      nextSeq += 1;
      pending.push(entry);
      return entry;
    },
    peek: () => pending[0],
    entries: () => pending,
    ack(seq) {
      const head = pending[0];
      if (!head || head.seq !== seq) {
        throw new Error(`Only the head of the spool can be acked (head ${head?.seq}, got ${seq}).`);
      }
      openFd();
      writeFileAtomically(ackFile, String(seq));
      pending.shift();
      ackedInLog += 1;
      if (ackedInLog >= compactEvery) compact();
    },
    get size() {
      return pending.length;
    },
    compact,
    close() {
      if (fd === null) return;
      compact();
      closeSync(openFd());
      fd = null;
    },
  };
}
