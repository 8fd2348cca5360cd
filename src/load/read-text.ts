/**
 * Reading a text file safely: size limit before reading it whole, strict UTF-8 (a clear error
 * rather than mojibake), and a byte-order mark removed so that columns match what editors show.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadTextResult =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: "missing" | "unreadable" | "too-large" | "encoding" | "not-a-file";
      message: string;
    };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Synchronous on purpose: a project is thousands of small files, and a promise per system call
 * costs more than the call (measured: 0.9 s against 0.2 s for 8,000 files).
 */
export function readTextSync(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadTextResult {
  let fd: number;
  try {
    // One open, one fstat, then reads: the size is checked on the open file before reading it.
    // O_NONBLOCK so that a named pipe in place of a file cannot hang the run (fstat refuses it).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      return { ok: false, reason: "not-a-file", message: "is not a regular file" };
    }
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    return decodeText(readAll(fd, info.size, maxBytes));
  } catch (error) {
    if (error instanceof GrewTooLarge) return tooLarge(error.size, maxBytes);
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

class GrewTooLarge extends Error {
  constructor(readonly size: number) {
    super("file grew past the limit while being read");
  }
}

/**
 * Files are read into one buffer, used again for every file: each is decoded into a string
 * before the next read, and a project is thousands of small files. Fresh memory for each (and
 * twice, when the read that finds the end needed a larger buffer) cost more than the reads on
 * a virtual machine, where memory touched for the first time is slow. A file larger than this
 * buffer can grow to gets a buffer of its own, so one large file does not stay in memory.
 */
const SCRATCH_LIMIT = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Reads to the end: the file may have grown since fstat, but never past the limit. */
function readAll(fd: number, size: number, maxBytes: number): Buffer {
  // One byte over the size: the read that finds the end then needs no larger buffer.
  let buffer = bufferFor(Math.min(size + 1, maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw new GrewTooLarge(length);
      const bigger = bufferFor(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > maxBytes) throw new GrewTooLarge(length);
  return buffer.subarray(0, length);
}

function bufferFor(bytes: number): Buffer {
  if (bytes <= scratch.length) return scratch;
  if (bytes > SCRATCH_LIMIT) return Buffer.allocUnsafe(bytes);
  scratch = Buffer.allocUnsafe(Math.min(Math.max(bytes, scratch.length * 2), SCRATCH_LIMIT));
  return scratch;
}

/** The rule a failed read is reported under. */
export function readFailureRule(reason: Exclude<ReadTextResult, { ok: true }>["reason"]): string {
  if (reason === "encoding") return "encoding";
  if (reason === "too-large") return "file-too-large";
  return "source-missing";
}

function tooLarge(size: number, maxBytes: number): ReadTextResult {
  return {
    ok: false,
    reason: "too-large",
    message: `is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (raise it with --max-file-size)`,
  };
}

function failure(error: unknown): ReadTextResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return { ok: false, reason: "missing", message: "does not exist" };
  return {
    ok: false,
    reason: "unreadable",
    message: `cannot be read (${code ?? "unknown error"})`,
  };
}

export function decodeText(bytes: Uint8Array): ReadTextResult {
  // isUtf8 checks with SIMD, and Buffer's decoder is the fastest; TextDecoder only finds the byte.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: "encoding",
      message: `is not valid UTF-8 (first bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at byte ${at}); save it as UTF-8`,
    };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that fails to decode; a prefix can end mid-character,
  // so decode with stream: true which tolerates an incomplete tail.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), {
        stream: true,
      });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // The prefix first fails at `lo`; the bad sequence may have begun a few bytes earlier, at a
  // lead byte whose continuation never came ("A\xe9B": 0xe9 at byte 1, not B at byte 2).
  for (let k = 1; k <= 3 && lo - k >= 0; k++) {
    const b = bytes[lo - k] ?? 0;
    if (b >= 0xc0) return lo - k;
    if ((b & 0xc0) !== 0x80) break;
  }
  return lo;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
