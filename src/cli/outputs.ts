/**
 * Where each format goes: stdout, a file named for it (`--output sarif=report.sarif`), or one
 * file for the only format. Files are written atomically, all or none: a failure leaves no partial file.
 */
// fs.promises rather than node:fs/promises: loaded when first used, not at every start.
import { existsSync, promises as fsp } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { FORMAT_NAMES, FORMAT_OUTPUT_KIND, isFormatName } from "../report/formats/index.js";

import { suggestion } from "../validate/did-you-mean.js";
import type { Io } from "./io.js";
import { UserError } from "./io.js";

export interface OutputTarget {
  format: string;
  /** A file path, or undefined for stdout. */
  path?: string | undefined;
  /** Append to the file instead of replacing it (the GitHub job summary). */
  append?: boolean;
}

/** `text` is the human format's name in every command; `table` is the same, the older name. */
function canonicalFormat(name: string): string {
  return name === "text" ? "table" : name;
}

/** Pair each --format with its --output: `FORMAT=FILE` names the format, a bare FILE needs exactly one format. */
export function resolveOutputs(
  formats: readonly string[],
  outputs: readonly string[],
  cwd: string,
  env: { GITHUB_STEP_SUMMARY?: string | undefined } = {},
): OutputTarget[] {
  const chosen = formats.length > 0 ? [...new Set(formats.map(canonicalFormat))] : ["table"];
  for (const f of chosen) {
    if (!isFormatName(f)) {
      const names = ["text", ...FORMAT_NAMES.filter((n) => n !== "table")];
      throw new UserError(
        `unknown format "${f}"${suggestion(f, names)} (formats: ${names.join(", ")})`,
      );
    }
  }
  const paths = new Map<string, string>();
  const setPath = (format: string, file: string, given: string) => {
    const earlier = paths.get(format);
    // One file per format: a second would silently win over the first.
    if (earlier !== undefined)
      throw new UserError(
        `--output ${given}: the ${format} output already goes to ${earlier}; give each format one file`,
      );
    paths.set(format, resolve(cwd, file));
  };
  for (const o of outputs) {
    const m = /^([a-z]+)=(.+)$/.exec(o);
    const named = m ? canonicalFormat(m[1]!) : undefined;
    if (m && named && isFormatName(named)) {
      if (!chosen.includes(named)) chosen.push(named);
      setPath(named, m[2]!, o);
    } else if (chosen.length === 1) setPath(chosen[0]!, o, o);
    else
      throw new UserError(
        `--output ${o}: with several formats, write FORMAT=FILE (e.g. --output sarif=report.sarif)`,
      );
  }
  const targets: OutputTarget[] = chosen.map((format) => ({ format, path: paths.get(format) }));
  // In GitHub Actions, Markdown without a file of its own is appended to the job summary.
  const summary = env.GITHUB_STEP_SUMMARY;
  for (const t of targets) {
    if (t.format === "markdown" && t.path === undefined && summary) {
      t.path = resolve(cwd, summary);
      t.append = true;
    }
  }
  const toStdout = targets.filter((t) => t.path === undefined && t.format !== "github-summary");
  if (toStdout.length > 1 && toStdout.some((t) => t.format !== "table" && t.format !== "github")) {
    // Mixing machine formats on stdout would make both unparsable.
    const names = toStdout.map((t) => t.format).join(", ");
    throw new UserError(
      `several formats would share stdout (${names}); send all but one to files with --output FORMAT=FILE`,
    );
  }
  return targets;
}

/**
 * One output to write: its target, and its text as pieces to encode or as bytes already encoded
 * (outputs served by the report cache). `keep` receives the encoded chunks once all have been
 * written, for the report cache to store.
 */
export type RenderedOutput = { target: OutputTarget } & (
  | { pieces: Iterable<string>; keep?: (chunks: Uint8Array[]) => void }
  | { chunks: Iterable<Uint8Array> }
);

export async function writeOutputs(rendered: readonly RenderedOutput[], io: Io): Promise<void> {
  // Two steps, so that a failure changes no file: every file is first written whole under a
  // temporary name (appends are only gathered), and only then are they renamed into place and
  // the appends made. A failure in the first step removes the temporary files.
  const temps: { temp: string; target: OutputTarget & { path: string } }[] = [];
  const appends: { target: OutputTarget & { path: string }; text: Uint8Array }[] = [];
  let current: OutputTarget & { path: string } = { format: "", path: "" };
  let temp: string | undefined;
  try {
    for (const output of rendered) {
      const { target } = output;
      if (target.path === undefined) {
        const drained = () => io.stdoutDrained?.() === true;
        const kind = isFormatName(target.format) ? FORMAT_OUTPUT_KIND[target.format] : "text";
        for (const chunk of encoded(output, drained)) io.stdout(chunk, kind);
        continue;
      }
      current = { ...target, path: target.path };
      if (target.append) {
        const whole = Buffer.concat([...encoded(output, never)]);
        const newline = whole.length > 0 && whole[whole.length - 1] === 0x0a;
        appends.push({
          target: current,
          text: newline ? whole : Buffer.concat([whole, Buffer.from("\n")]),
        });
        continue;
      }
      // A device or a pipe (-o /dev/stdout) is written as it is: renaming a file over it would
      // replace it (as root), and atomicity means nothing there.
      const info = await fsp.stat(target.path).catch(() => undefined);
      if (info && !info.isFile() && !info.isDirectory()) {
        const device = await fsp.open(target.path, "w");
        try {
          for (const chunk of encoded(output, always)) await writeAll(device, chunk);
        } finally {
          await device.close();
        }
        continue;
      }
      temp = `${target.path}.${process.pid}.tmp`;
      const handle = await fsp.open(temp, "w");
      temps.push({ temp, target: current });
      try {
        for (const chunk of encoded(output, always)) await writeAll(handle, chunk);
      } finally {
        await handle.close();
      }
    }
    temp = undefined;
    for (const t of temps) {
      current = t.target;
      await fsp.rename(t.temp, t.target.path);
    }
    for (const a of appends) {
      current = a.target;
      await fsp.appendFile(a.target.path, a.text);
    }
  } catch (error) {
    // rm's force covers a missing file only; a path through a file (ENOTDIR) must not mask the error.
    for (const t of temps) await fsp.rm(t.temp, { force: true }).catch(() => undefined);
    if (temp !== undefined) await fsp.rm(temp, { force: true }).catch(() => undefined);
    // Only a failed file operation is the user's to fix; anything else (a formatter's bug) stays
    // an internal error rather than being blamed on the disk.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (current.path === "" || typeof code !== "string") throw error;
    throw new UserError(
      `cannot ${current.append ? "append" : "write"} ${current.format} output to ${current.path}: ${whyNotWritten(error, current.path)}`,
    );
  }
}

function whyNotWritten(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return existsSync(dirname(path))
        ? `a file cannot be created in ${dirname(path)}`
        : `the directory ${dirname(path)} does not exist`;
    case "ENOTDIR":
      return "a part of the path is a file, not a directory";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EROFS":
    case "EPERM":
      return "the location is not writable";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    default:
      return code ?? String(error);
  }
}

const always = () => true;
const never = () => false;

/**
 * An output's bytes. `written` tells whether the consumer is done with the last chunk it was
 * given, so that its buffer can be filled again; a kept output's chunks are never reused.
 */
function encoded(output: RenderedOutput, written: () => boolean): Iterable<Uint8Array> {
  if ("chunks" in output) return output.chunks;
  if (output.keep) return kept(utf8Chunks(output.pieces), output.keep);
  return utf8Chunks(output.pieces, undefined, written);
}

/** The chunks as they pass, handed over whole once all have passed. */
function* kept(
  chunks: Iterable<Uint8Array>,
  done: (all: Uint8Array[]) => void,
): Generator<Uint8Array> {
  const all: Uint8Array[] = [];
  for (const chunk of chunks) {
    all.push(chunk);
    yield chunk;
  }
  done(all);
}

/** A write may take less than the whole chunk (a pipe, a signal): the rest is written after it. */
export async function writeAll(
  handle: Pick<FileHandle, "write">,
  chunk: Uint8Array,
): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    // A device that takes nothing would otherwise be written to for ever.
    if (bytesWritten <= 0) throw Object.assign(new Error("nothing was written"), { code: "EIO" });
    offset += bytesWritten;
  }
}

/**
 * The output as UTF-8, in chunks of about a megabyte: pieces are encoded straight into a buffer,
 * so that a large report (tens of megabytes) is never joined into one string, nor copied as one.
 * A chunk's buffer is filled again for the next chunk only when `reusable()` says the consumer
 * is done with it (a stream may still hold it after write() returns); otherwise each chunk is a
 * new buffer. Reuse matters: on a virtual machine, memory touched for the first time can cost
 * more than the encoding itself.
 */
export function* utf8Chunks(
  output: Iterable<string>,
  size = 1 << 20,
  reusable: () => boolean = never,
): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  for (const piece of output) {
    // A UTF-16 unit is at most three bytes of UTF-8.
    if (piece.length * 3 > size - used) {
      if (used > 0) {
        yield buffer.subarray(0, used);
        if (!reusable()) buffer = Buffer.allocUnsafe(size);
        used = 0;
      }
      if (piece.length * 3 > size) {
        yield Buffer.from(piece, "utf8");
        continue;
      }
    }
    used += buffer.write(piece, used, "utf8");
  }
  if (used > 0) yield buffer.subarray(0, used);
}
