import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "./io.js";

/** The repository root from --root, checked: it must be a directory holding claims/. */
export async function projectRoot(cwd: string, root: string): Promise<string> {
  const dir = resolve(cwd, root);
  // Synchronous: node:fs/promises is a few milliseconds of start-up that most runs need not pay.
  const isDir = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false; // missing, not a folder on the way (ENOTDIR), unreadable: not a directory
    }
  };
  if (!isDir(dir)) throw new UserError(`--root ${root}: no such directory`);
  if (!isDir(join(dir, "claims"))) {
    throw new UserError(
      `${dir} has no claims/ folder: run claimcheck in the repository root, or point --root at it`,
    );
  }
  return dir;
}
