/**
 * Where `--output` files really go, checked before anything is written. A path may be a link:
 * the file it leads to is written (the link stays a link), and a descriptor of this process
 * (`/dev/stdout`, `/proc/self/fd/1`) or a device is written in place, never replaced by a
 * rename. A path that is one of the project's inputs (a claims file, the vocabulary, the
 * acknowledgements, an article), or a file another output also goes to, is refused.
 */
// fs.promises rather than node:fs/promises: loaded when first used, not at every start.
import { promises as fsp } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "./io.js";

export interface OutputFile {
  /** The file the bytes go to, links followed (or where following them ended). */
  file: string;
  /**
   * Written where it is: a device, a pipe, or a path through /proc (a descriptor this process
   * holds, whose file a rename would take away from it). Anything else is written atomically.
   */
  inPlace: boolean;
}

/** Links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINKS = 40;

/** Follows `path`'s links, the folders' and its own, to the file they lead to. */
export async function resolveOutputFile(path: string): Promise<OutputFile> {
  let current = resolve(path);
  let throughProc = false;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    // The folders' links resolved (a missing folder is reported when the file is written).
    const dir = await fsp.realpath(dirname(current)).catch(() => dirname(current));
    current = join(dir, basename(current));
    if (current === "/proc" || current.startsWith("/proc/")) throughProc = true;
    const info = await fsp.lstat(current).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      current = resolve(dir, await fsp.readlink(current));
      continue;
    }
    const special = info !== undefined && !info.isFile() && !info.isDirectory();
    return { file: current, inPlace: throughProc || special };
  }
  throw new UserError(`--output ${path}: too many links to follow (a loop?)`);
}

/**
 * Refuses, before the report is made: an output that would overwrite one of the project's
 * inputs, or add a claims file; and two outputs that would go to one file.
 */
export async function checkOutputPaths(
  targets: readonly { format: string; path?: string | undefined }[],
  root: string,
): Promise<void> {
  // A report to standard output only does not load fs.promises (start-up time).
  if (targets.every((t) => t.path === undefined)) return;
  const realRoot = await fsp.realpath(root).catch(() => resolve(root));
  const seen = new Map<string, string>();
  for (const target of targets) {
    if (target.path === undefined) continue;
    const { file } = await resolveOutputFile(target.path);
    const input = projectInput(realRoot, file, await exists(file));
    if (input !== undefined)
      throw new UserError(
        `--output ${target.path}: that is ${input}, one of the project's inputs; write the ${target.format} report elsewhere`,
      );
    const other = seen.get(file);
    if (other !== undefined)
      throw new UserError(
        `--output: the ${other} and ${target.format} outputs would both go to ${file}; give each its own file`,
      );
    seen.set(file, target.format);
  }
}

/**
 * The repository path of `file` when writing it would change what claimcheck reads: a file in
 * the claims folder that exists or would be read as a claims file, or an article in sources/.
 */
function projectInput(realRoot: string, file: string, present: boolean): string | undefined {
  const inside = relative(realRoot, file);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside))
    return undefined;
  const repoPath = inside.split(sep).join("/");
  if (repoPath.startsWith("claims/") && (present || /\.ya?ml$/i.test(repoPath))) return repoPath;
  if (repoPath.startsWith("sources/") && present) return repoPath;
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return (await fsp.lstat(path).catch(() => undefined)) !== undefined;
}
