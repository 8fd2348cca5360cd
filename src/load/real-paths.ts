/**
 * Real paths (every link followed) for many files in few directories. Resolving a whole path
 * costs a system call per component; here each directory is resolved once, and each file costs
 * one lstat, plus a full resolution only when the file itself is a link.
 */
import { lstatSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class RealPaths {
  private readonly directories = new Map<string, string>();

  /** The real path of an existing file; throws, as realpathSync does, when there is none. */
  of(path: string): string {
    if (lstatSync(path).isSymbolicLink()) return realpathSync.native(path);
    const directory = dirname(path);
    let real = this.directories.get(directory);
    if (real === undefined) {
      real = realpathSync.native(directory);
      this.directories.set(directory, real);
    }
    return join(real, basename(path));
  }
}
