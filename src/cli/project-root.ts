import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "./io.js";

/**
 * The repository root. With --root, that folder, which must hold claims/. Without it, the nearest
 * folder holding claims/, from the current one upward, as git finds its repository: so claimcheck
 * runs from inside claims/ or sources/ too.
 */
export async function projectRoot(cwd: string, root: string | undefined): Promise<string> {
  return findProjectRoot(cwd, root);
}

/** projectRoot, synchronous: node:fs/promises is a few milliseconds of start-up most runs need not pay. */
export function findProjectRoot(cwd: string, root: string | undefined): string {
  if (root !== undefined) {
    const dir = resolve(cwd, root);
    if (!isDirectory(dir)) throw new UserError(`--root ${root}: no such directory`);
    if (!isDirectory(join(dir, "claims"))) {
      throw new UserError(
        `${dir} has no claims/ folder: point --root at a claims repository, or run \`claimcheck setup\` there to start one`,
      );
    }
    return dir;
  }
  const found = enclosingRoot(resolve(cwd));
  if (found === undefined) {
    throw new UserError(
      `no claims/ folder in ${resolve(cwd)} or any folder above it: run \`claimcheck setup\` to start a claims repository here, or point --root at one`,
    );
  }
  return found;
}

/** The nearest folder holding claims/, from `dir` upward; undefined when there is none. */
export function enclosingRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (isDirectory(join(at, "claims"))) return at;
    if (dirname(at) === at) return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing, not a folder on the way (ENOTDIR), unreadable: not a directory
  }
}
