/**
 * git as a subprocess, with an argument list and never through a shell, for the options that read
 * history (--changed-since, --baseline). A failure is a UserError (exit 2) that names the option.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { UserError } from "./io.js";

const run = promisify(execFile);

/** Runs `git ARGS` in the repository and gives its stdout; `what` names the step in errors. */
export type Git = (args: readonly string[], what: string) => Promise<string>;

/** A git runner for `option` (e.g. "--baseline main"), in `cwd`. */
export function gitFor(option: string, cwd: string): Git {
  return async (args, what) => {
    try {
      const { stdout } = await run("git", [...args], {
        cwd,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
      });
      return stdout;
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: string };
      if (e.code === "ENOENT")
        throw new UserError(`${option} needs git, which is not installed or not on PATH`);
      const why = (e.stderr ?? "").trim().split("\n")[0] || e.message;
      throw new UserError(`${option}: ${what} failed: ${why}`);
    }
  };
}

/**
 * The commit a ref names, checked: a ref that is empty, looks like an option, or names no commit
 * is a UserError that says how to fetch it on a pull request.
 */
export async function resolveCommit(git: Git, option: string, ref: string): Promise<string> {
  if (ref === "" || ref.startsWith("-"))
    throw new UserError(`${option}: "${ref}" is not a git ref`);
  let commit = "";
  try {
    commit = (
      await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], "resolving the ref")
    ).trim();
  } catch {
    commit = "";
  }
  if (!commit)
    throw new UserError(
      `${option}: unknown git ref "${ref}" (on a pull request, fetch the base branch: actions/checkout with fetch-depth: 0)`,
    );
  return commit;
}
