/**
 * The files changed since a git ref, for `report --changed-since REF`: what the branch changed
 * (`git diff --name-only REF...HEAD`, i.e. since the merge base) plus what is not committed yet
 * (`git status --porcelain`), as paths relative to the project root. git runs as a subprocess
 * with an argument list, never through a shell; a failure is a UserError (exit 2).
 */
import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { gitFor, resolveCommit } from "./git.js";

export interface ChangedFiles {
  /** Changed paths relative to the project root, with forward slashes; paths outside it are dropped. */
  files: Set<string>;
  /** The commit REF resolved to. */
  commit: string;
}

export async function changedFilesSince(root: string, ref: string): Promise<ChangedFiles> {
  const option = "--changed-since";
  const git = gitFor(`${option} ${ref}`, root);
  const top = (await git(["rev-parse", "--show-toplevel"], "finding the git repository")).trim();
  const commit = await resolveCommit(git, option, ref);

  const diff = await git(
    ["diff", "--name-only", "--no-renames", "-z", `${commit}...HEAD`, "--"],
    "git diff",
  );
  const status = await git(
    ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
    "git status",
  );
  const fromTop = [...splitZ(diff), ...porcelainPaths(status)];

  const [realTop, realRoot] = await Promise.all([realpath(top), realpath(root)]);
  const files = new Set<string>();
  for (const p of fromTop) {
    const rel = relative(realRoot, join(realTop, p));
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) continue;
    files.add(rel.split(sep).join("/"));
  }
  return { files, commit };
}

function splitZ(out: string): string[] {
  return out.split("\0").filter((s) => s !== "");
}

/** Paths from `git status --porcelain=v1 -z --no-renames`: each entry is `XY path`. */
export function porcelainPaths(out: string): string[] {
  return splitZ(out)
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
}
