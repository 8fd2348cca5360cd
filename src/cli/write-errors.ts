/**
 * A file that could not be written, in the user's words: a full disk, a read-only file or
 * folder, a missing folder are the user's environment (exit 2, with the path and the reason),
 * never "an internal error".
 */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { ReadOnlyFileError } from "../edit/read-only.js";
import { UserError } from "./io.js";

export function whyNotWritten(error: unknown, path: string): string {
  if (error instanceof ReadOnlyFileError) return "the file is read-only";
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

/**
 * A failed file operation on `path` as a UserError (`cannot write PATH: the disk is full`);
 * anything else (a bug) is thrown as it is.
 */
export function rethrowAsWriteError(error: unknown, path: string): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") throw error;
  throw new UserError(`cannot write ${path}: ${whyNotWritten(error, path)}`);
}
