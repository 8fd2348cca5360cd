/**
 * One file of `claimcheck fmt`, read and formatted: the unit of work the main thread and the
 * worker threads share (parallel-format.ts). Writing, and saying what happened, stay with the
 * command (cli/commands/fmt.ts), which takes the files in order.
 */
import { closeSync, constants, openSync, readSync } from "node:fs";
import { readTextSync } from "../load/read-text.js";
import { type FormatResult, formatYaml, type YamlKind } from "./format-yaml.js";

export interface FormatTarget {
  absolute: string;
  /** Which format the file is, when its name says so (else formatYaml tells from its keys). */
  kind: YamlKind | undefined;
}

export type FormattedFile =
  | { read: false; message: string }
  | {
      read: true;
      /** The text as read, with its byte-order mark (U+FEFF) if the file starts with one. */
      original: string;
      result: FormatResult;
    };

export function formatFile(target: FormatTarget, maxFileSize: number | undefined): FormattedFile {
  const read = readTextSync(target.absolute, maxFileSize);
  if (!read.ok) return { read: false, message: read.message };
  const original = startsWithByteOrderMark(target.absolute) ? `\ufeff${read.text}` : read.text;
  return { read: true, original, result: formatYaml(original, target.kind) };
}

/** The text as claimcheck reads it: without the byte-order mark readTextSync leaves out. */
export function textRead(original: string): string {
  return original.startsWith("\ufeff") ? original.slice(1) : original;
}

/** Whether the file's first three bytes are UTF-8's byte-order mark (read only those). */
function startsWithByteOrderMark(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(3);
    const n = readSync(fd, head, 0, 3, 0);
    return n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
