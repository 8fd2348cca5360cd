import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { UserError } from "./io.js";

/** The repository root from --root, checked: it must be a directory holding claims/. */
export async function projectRoot(cwd: string, root: string): Promise<string> {
  const dir = resolve(cwd, root);
  const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() === true;
  if (!(await isDir(dir))) throw new UserError(`--root ${root}: no such directory`);
  if (!(await isDir(join(dir, "claims")))) {
    throw new UserError(
      `${dir} has no claims/ folder: run claimcheck in the repository root, or point --root at it`,
    );
  }
  return dir;
}
