/**
 * Paths the user types on the command line. They are read relative to the current directory,
 * or, when nothing is there, relative to the repository root (so `-C repo init sources/a.txt`
 * works from anywhere). Either way the file must be inside the repository.
 */
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { UserError } from "./io.js";

export interface RepoFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the repository root, with forward slashes: how claims files and findings name it. */
  repoPath: string;
}

export async function resolveRepoFile(
  cwd: string,
  root: string,
  input: string,
  what = "file",
): Promise<RepoFile> {
  if (input.trim() === "") throw new UserError(`the ${what} path is empty`);
  const candidates = isAbsolute(input) ? [input] : [resolve(cwd, input), resolve(root, input)];
  let found: string | undefined;
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) {
      found = candidate;
      break;
    }
    if (info) throw new UserError(`${input} is not a file`);
  }
  if (!found) throw new UserError(`${input} does not exist`);
  const realRoot = await realpath(root);
  const real = await realpath(found);
  const inside = relative(realRoot, real);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new UserError(
      `${input} is outside the repository (${root}); the ${what} must be inside it`,
    );
  }
  // Name it as the user reached it, so a link inside the repository keeps its own name.
  const named = relative(resolve(root), found);
  const repoPath = (named === "" || named.startsWith("..") || isAbsolute(named) ? inside : named)
    .split(sep)
    .join("/");
  return { absolute: found, repoPath };
}

/** Files named on the command line, as repository paths (see resolveRepoFile). */
export async function repoPaths(
  io: { cwd: string },
  root: string,
  inputs: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const input of inputs) out.add((await resolveRepoFile(io.cwd, root, input)).repoPath);
  return out;
}
