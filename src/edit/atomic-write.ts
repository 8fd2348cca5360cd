/**
 * Writing a file so that a reader (or a crash) never sees it half-written: the text goes to a
 * temporary file in the same directory, is flushed to disk, and then takes the target's place in
 * one rename. A link is followed, so the file it points to is replaced and the link stays a link.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, open, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ReadOnlyFileError } from "./read-only.js";

export interface AtomicWriteOptions {
  /**
   * False: fail with an `EEXIST` error when the target exists, even if it appears while writing
   * (the temporary file is hard-linked into place, which never replaces a file). Default true.
   */
  overwrite?: boolean;
  /** File mode for a new file; an existing file keeps its own. Default 0o666 (less the umask). */
  mode?: number;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const target = overwrite ? await resolveLink(path) : path;
  let mode = options.mode ?? 0o666;
  if (overwrite) {
    const existing = await stat(target).catch(() => undefined);
    if (existing) mode = existing.mode & 0o7777;
    // No write permission for anyone: a rename would replace the file all the same (the folder
    // is writable), and as root nothing else stops it.
    if (existing?.isFile() && (mode & 0o222) === 0) throw new ReadOnlyFileError(path);
  }
  const dir = dirname(target);
  // A dot-file ending in .tmp: hidden from listings, ignored by git and by the watcher.
  const temp = join(
    dir,
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let placed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      await rename(temp, target);
      placed = true;
    } else {
      await placeWithoutReplacing(temp, target);
    }
  } finally {
    if (!placed) await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dir);
}

/** Hard-link the finished file into place (fails if the target exists), then drop the temporary name. */
async function placeWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw error;
    // A file system without hard links: create the target exclusively and copy into it.
    const out = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    try {
      await out.writeFile(await readFile(temp));
      await out.sync();
    } finally {
      await out.close();
    }
  }
}

async function resolveLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Make the rename itself durable; not possible (nor needed) on every platform. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory; some file systems refuse fsync on one.
  }
}
