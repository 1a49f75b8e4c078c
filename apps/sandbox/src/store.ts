/**
 * Where the sandbox keeps its state: in memory (the default), or in a file given by `--store`, so that a
 * sandbox restarted with the same file still knows every invoice, form and number it gave out — a client's
 * crash test then sees one platform across its runs.
 *
 * The state is a few tables of JSON records keyed by id. The file store is an append-only log of
 * `put`s, one JSON line each, replayed on open; a torn last line (the process died mid-write) is ignored.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";

/** The tables the sandbox keeps. */
export type Table = "invoices" | "forms" | "numbers" | "meta" | "memo";

/** A place to keep records. Writes are synchronous so that an answer is never sent before its record. */
export interface SandboxStore {
  /** Every record, in the order last written. */
  load(): Array<{ table: Table; id: string; record: unknown }>;
  put(table: Table, id: string, record: unknown): void;
  close(): void;
}

/** A store that forgets everything when the process ends. */
export function memoryStore(): SandboxStore {
  return { load: () => [], put: () => {}, close: () => {} };
}

/** A store that cannot be opened or read: said in Chinese and English. */
export class StoreError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = "StoreError";
  }
}

interface LogLine {
  t: Table;
  id: string;
  r: unknown;
}

/**
 * A store in an append-only JSON-lines file (created when missing).
 * @param durable  fsync after each write (survives a machine crash, not only a process crash)
 * @example
 * const sandbox = await createSandbox({ store: fileStore("/tmp/sandbox.jsonl") });
 */
export function fileStore(path: string, durable = false): SandboxStore {
  const { records: existing, validBytes, torn } = readLog(path);
  // Drop a torn last line so that the next record starts on a line of its own.
  if (torn) truncateSync(path, validBytes);
  let fd: number;
  try {
    fd = openSync(path, "a");
  } catch (error) {
    throw new StoreError(
      `无法打开沙箱存储文件 ${path}：${(error as Error).message}`,
      `Cannot open the sandbox store file ${path}: ${(error as Error).message}`,
    );
  }
  return {
    load: () => existing,
    put(table, id, record) {
      const line: LogLine = { t: table, id, r: record };
      writeSync(fd, `${JSON.stringify(line)}\n`);
      if (durable) fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}

function readLog(path: string): {
  records: Array<{ table: Table; id: string; record: unknown }>;
  validBytes: number;
  torn: boolean;
} {
  if (!existsSync(path)) return { records: [], validBytes: 0, torn: false };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new StoreError(
      `无法读取沙箱存储文件 ${path}：${(error as Error).message}`,
      `Cannot read the sandbox store file ${path}: ${(error as Error).message}`,
    );
  }
  const lines = text.split("\n");
  const out: Array<{ table: Table; id: string; record: unknown }> = [];
  let validBytes = 0;
  let torn = false;
  lines.forEach((line, index) => {
    if (line === "") return;
    const last = index === lines.length - 1; // no newline after it: the write was cut short
    try {
      const parsed = JSON.parse(line) as LogLine;
      if (typeof parsed.t !== "string" || typeof parsed.id !== "string") throw new Error("not a record");
      if (last) throw new Error("no newline");
      out.push({ table: parsed.t, id: parsed.id, record: parsed.r });
      validBytes += Buffer.byteLength(line, "utf8") + 1;
    } catch {
      if (last) {
        torn = true;
        return;
      }
      throw new StoreError(
        `沙箱存储文件 ${path} 第 ${index + 1} 行已损坏，拒绝覆盖`,
        `Line ${index + 1} of the sandbox store file ${path} is corrupt; refusing to overwrite it`,
      );
    }
  });
  return { records: out, validBytes, torn };
}

/**
 * The store a `--store` value names: nothing or `memory:` → memory; `file:PATH` or a path → a JSON-lines file.
 * @example
 * openStore("file:/tmp/sandbox.jsonl")
 */
export function openStore(url: string | undefined): SandboxStore {
  if (url === undefined || url === "" || url === "memory:" || url === "memory") return memoryStore();
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  return fileStore(path);
}
