/**
 * Reading a text file safely: size limit before reading it whole, strict UTF-8 (a clear error
 * rather than mojibake), and a byte-order mark removed so that columns match what editors show.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadTextResult =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: "missing" | "unreadable" | "too-large" | "encoding" | "not-a-file";
      message: string;
    };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readText(
  path: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<ReadTextResult> {
  try {
    // One open, one fstat, one read: the size is checked on the open file before reading it.
    // O_NONBLOCK so that a named pipe in place of a file cannot hang the run (fstat refuses it).
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        return { ok: false, reason: "not-a-file", message: "is not a regular file" };
      }
      if (info.size > maxBytes) {
        return {
          ok: false,
          reason: "too-large",
          message: `is ${formatBytes(info.size)}, over the limit of ${formatBytes(maxBytes)} (raise it with --max-file-size)`,
        };
      }
      return decodeText(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, reason: "missing", message: "does not exist" };
    return {
      ok: false,
      reason: "unreadable",
      message: `cannot be read (${code ?? "unknown error"})`,
    };
  }
}

export function decodeText(bytes: Uint8Array): ReadTextResult {
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
