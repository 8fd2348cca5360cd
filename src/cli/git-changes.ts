/**
 * The files changed since a git ref, for `report --changed-since REF`: what the branch changed
 * (`git diff --name-only REF...HEAD`, i.e. since the merge base) plus what is not committed yet
 * (`git status --porcelain`), as paths relative to the project root. git runs as a subprocess
 * with an argument list, never through a shell; a failure is a UserError (exit 2).
 */
import { execFile } from "node:child_process";
import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { UserError } from "./io.js";

const run = promisify(execFile);

export interface ChangedFiles {
  /** Changed paths relative to the project root, with forward slashes; paths outside it are dropped. */
  files: Set<string>;
  /** The commit REF resolved to. */
  commit: string;
}

export async function changedFilesSince(root: string, ref: string): Promise<ChangedFiles> {
  if (ref === "" || ref.startsWith("-"))
    throw new UserError(`--changed-since: "${ref}" is not a git ref`);
  const git = async (args: string[], what: string): Promise<string> => {
    try {
      const { stdout } = await run("git", args, {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
      });
      return stdout;
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string };
      if (e.code === "ENOENT")
        throw new UserError("--changed-since needs git, which is not installed or not on PATH");
      const why = (e.stderr ?? "").trim().split("\n")[0] || e.message;
      throw new UserError(`--changed-since ${ref}: ${what} failed: ${why}`);
    }
  };

  const top = (await git(["rev-parse", "--show-toplevel"], "finding the git repository")).trim();
  let commit: string;
  try {
    commit = (
      await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], "resolving the ref")
    ).trim();
  } catch {
    commit = "";
  }
  if (!commit)
    throw new UserError(
      `--changed-since: unknown git ref "${ref}" (on a pull request, fetch the base branch: actions/checkout with fetch-depth: 0)`,
    );

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
