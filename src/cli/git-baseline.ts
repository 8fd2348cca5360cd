/**
 * The project as it was at a git commit, for `report --baseline REF`: the claims/ and sources/
 * folders of the merge base of REF and HEAD are read from git's objects (`git ls-tree`, then
 * `git cat-file --batch`) and written to a temporary folder, which the same pipeline then reads.
 * Nothing in the work tree, the index or HEAD is touched.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, realpathSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, sep } from "node:path";
import { SOURCES_DIR } from "../validate/source-path.js";
import { type Git, gitFor, resolveCommit } from "./git.js";
import { UserError } from "./io.js";

const CLAIMS_DIR = "claims";

export interface BaselineTree {
  /** The temporary project root holding the baseline's claims/ and sources/. */
  root: string;
  /** The commit compared with: the merge base of REF and HEAD. */
  commit: string;
  remove(): Promise<void>;
}

interface TreeEntry {
  mode: string;
  sha: string;
  /** Path relative to the project root, with forward slashes. */
  path: string;
}

export async function extractBaseline(root: string, ref: string): Promise<BaselineTree> {
  const option = "--baseline";
  const git = gitFor(`${option} ${ref}`, root);
  const top = (await git(["rev-parse", "--show-toplevel"], "finding the git repository")).trim();
  const named = await resolveCommit(git, option, ref);
  // What this branch changed is measured from where it left REF, as `git diff REF...HEAD` does.
  const base = await mergeBase(git, named);
  const prefix = relative(realpathSync.native(top), realpathSync.native(root)).split(sep).join("/");
  const inRepo = (dir: string) => (prefix === "" ? dir : `${prefix}/${dir}`);
  const listing = await git(
    ["ls-tree", "-r", "-z", "--full-tree", base, "--", inRepo(CLAIMS_DIR), inRepo(SOURCES_DIR)],
    "listing the baseline's files",
  );
  const entries = parseTree(listing, prefix);
  const blobs = await readBlobs(
    root,
    entries.map((e) => e.sha),
  );

  const dir = mkdtempSync(join(tmpdir(), "claimcheck-baseline-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await mkdir(join(dir, CLAIMS_DIR), { recursive: true });
    await mkdir(join(dir, SOURCES_DIR), { recursive: true });
    for (const entry of entries) {
      const target = join(dir, ...entry.path.split("/"));
      await mkdir(dirname(target), { recursive: true });
      const content = blobs.get(entry.sha) ?? Buffer.alloc(0);
      // A link is kept as a link: reading it is then checked as in the work tree.
      if (entry.mode === "120000") await symlink(content.toString("utf8"), target);
      else await writeFile(target, content);
    }
  } catch (error) {
    await remove();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${option} ${ref}: the baseline could not be written to a temporary folder (${code ?? String(error)})`,
    );
  }
  return { root: dir, commit: base, remove };
}

async function mergeBase(git: Git, commit: string): Promise<string> {
  try {
    const out = await git(["merge-base", commit, "HEAD"], "finding the merge base");
    return out.trim() || commit;
  } catch {
    // No common history (or no HEAD yet): compare with the commit itself.
    return commit;
  }
}

/** `git ls-tree -r -z` entries (`MODE TYPE SHA\tPATH`), blobs only, made relative to the project. */
export function parseTree(listing: string, prefix: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of listing.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, sha] = record.slice(0, tab).split(" ");
    const full = record.slice(tab + 1);
    if (type !== "blob" || !mode || !sha) continue; // submodules (commits) are not articles
    const path = prefix === "" ? full : posix.relative(prefix, full);
    if (path.startsWith("../") || path.split("/").includes("..")) continue;
    entries.push({ mode, sha, path });
  }
  return entries;
}

/** The contents of blobs, through one `git cat-file --batch`. */
function readBlobs(cwd: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
    });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", (e) =>
      reject(
        new UserError(`--baseline: git could not be run (${(e as NodeJS.ErrnoException).code})`),
      ),
    );
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new UserError(`--baseline: reading the baseline's files failed: ${stderr.trim()}`));
        return;
      }
      try {
        resolve(parseBatch(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(`${unique.join("\n")}\n`);
  });
}

/** `git cat-file --batch` output: `SHA TYPE SIZE\n` then SIZE bytes and a newline, per object. */
export function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [sha, type, size] = out.toString("utf8", at, eol).split(" ");
    if (type === "missing" || size === undefined) {
      at = eol + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(sha!, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return blobs;
}
