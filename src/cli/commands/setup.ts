/**
 * `claimcheck setup`: make the current folder (or --root) a claims repository: claims/ with a
 * commented vocabulary and acknowledgements file, sources/, the JSON Schemas editors read, the
 * VS Code mapping, the GitHub workflow, and .gitignore lines for the report files. It never
 * overwrites: a file that exists is kept as it is (and said so), .gitignore only gains the lines it
 * lacks. Run again, it adds only what is missing.
 */
import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { gitignoreAddition, repositoryFiles } from "../../edit/repository-setup.js";
import { readPackageFile } from "../../load/package-files.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal } from "../../report/escape.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { enclosingRoot } from "../project-root.js";

export interface SetupOptions {
  root?: string | undefined;
  color?: boolean;
}

type Outcome = "created" | "kept" | "added";

export async function runSetup(options: SetupOptions, io: Io): Promise<number> {
  const root = await setupRoot(io.cwd, options.root);
  const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
  const rows: { outcome: Outcome; path: string; note: string }[] = [];

  for (const dir of ["claims", "sources"]) {
    const existed = await isDirectory(join(root, dir));
    await guarded(`${dir}/`, () => mkdir(join(root, dir), { recursive: true }));
    rows.push({
      outcome: existed ? "kept" : "created",
      path: `${dir}/`,
      note: dir === "claims" ? "one claims file per article" : "the articles' texts, one file each",
    });
  }
  for (const file of repositoryFiles(readPackageFile)) {
    const target = join(root, file.path);
    const created = await guarded(file.path, async () => {
      await mkdir(dirname(target), { recursive: true });
      try {
        await writeFileAtomic(target, file.text, { overwrite: false });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      }
    });
    let note = file.purpose;
    if (!created && file.path.endsWith(".schema.json")) {
      const current = await readFile(target, "utf8").catch(() => undefined);
      if (current !== file.text)
        note =
          "differs from what this version of claimcheck writes: `claimcheck schema --write` updates it";
    } else if (!created) note = "already there; left as it is";
    rows.push({ outcome: created ? "created" : "kept", path: file.path, note });
  }
  const gitignore = join(root, ".gitignore");
  const current = await readFile(gitignore, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new UserError(`cannot read .gitignore (${error.code ?? error.message})`);
  });
  const addition = gitignoreAddition(current);
  if (addition !== undefined) await guarded(".gitignore", () => appendFile(gitignore, addition));
  rows.push({
    outcome: addition === undefined ? "kept" : current === undefined ? "created" : "added",
    path: ".gitignore",
    note:
      addition === undefined
        ? "ignores the report files already"
        : "ignores the report files the workflow writes",
  });

  const made = rows.filter((r) => r.outcome !== "kept").length;
  io.stdout(
    made === 0
      ? `${c.green("✓")} ${escapeTerminal(root)} is a claims repository already; nothing to add\n`
      : `${c.green("✓")} set up a claims repository in ${escapeTerminal(root)}\n`,
  );
  const label: Record<Outcome, string> = {
    created: c.green("created"),
    added: c.green("added  "),
    kept: c.dim("kept   "),
  };
  const width = Math.max(...rows.map((r) => r.path.length));
  for (const r of rows)
    io.stdout(`  ${label[r.outcome]}  ${r.path.padEnd(width)}  ${c.dim(r.note)}\n`);
  if (!(await dependsOnClaimcheck(root))) {
    io.stdout(
      `${c.yellow("note")}: the workflow installs claimcheck with \`npm ci\`, so this repository's package.json must list it: \`npm install --save-dev claimcheck\`\n`,
    );
  }
  io.stdout(
    "Next: put an article's text in sources/ (named DATE_OUTLET_TITLE.txt), then `claimcheck init sources/FILE.txt`.\n",
  );
  return EXIT.ok;
}

/** --root, or the current folder; never a folder inside another claims repository. */
async function setupRoot(cwd: string, rootOption: string | undefined): Promise<string> {
  if (rootOption !== undefined) {
    const root = resolve(cwd, rootOption);
    if (!(await isDirectory(root))) throw new UserError(`--root ${rootOption}: no such directory`);
    return root;
  }
  const root = resolve(cwd);
  const enclosing = enclosingRoot(root);
  if (enclosing !== undefined && enclosing !== root) {
    throw new UserError(
      `${root} is inside the claims repository ${enclosing}; run setup there to add what it lacks, or pass --root . to start another one here`,
    );
  }
  return root;
}

/** Run a file operation; a problem the user can fix (permissions, a full disk) is a clear error. */
async function guarded<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "the file system is read-only",
      ENOSPC: "no space left on the device",
      EDQUOT: "the disk quota is used up",
      ENOTDIR: "a file stands where a folder should be",
      EEXIST: "a file stands where a folder should be",
      EISDIR: "a folder stands where the file should be",
    };
    if (code !== undefined && why[code] !== undefined)
      throw new UserError(
        `cannot write ${path}: ${why[code]} (${code}); setup stopped there: run it again once that is fixed, it adds only what is missing`,
      );
    throw error;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** Whether the repository's package.json lists claimcheck, as the workflow's `npm ci` needs. */
async function dependsOnClaimcheck(root: string): Promise<boolean> {
  const text = await readFile(join(root, "package.json"), "utf8").catch(() => undefined);
  if (text === undefined) return false;
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    if (manifest.name === "claimcheck") return true; // claimcheck's own repository
    return ["dependencies", "devDependencies"].some((key) => {
      const deps = manifest[key];
      return typeof deps === "object" && deps !== null && "claimcheck" in deps;
    });
  } catch {
    return false;
  }
}
