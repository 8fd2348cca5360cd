/**
 * `claimcheck init sources/FILE.txt`: write claims/FILE.yaml, the first draft of the article's
 * claims file. It never overwrites: an existing claims file for the article (by name, or by its
 * `source:`) is an error, exit 2.
 */
import { mkdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { scaffoldClaimsFile } from "../../edit/scaffold.js";
import {
  ACKNOWLEDGED_FILE,
  listClaimsFiles,
  UnlistableFolderError,
  VOCABULARY_FILE,
} from "../../load/project-files.js";
import { readTextSync } from "../../load/read-text.js";
import { parseYamlFile } from "../../load/yaml-file.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal } from "../../report/escape.js";
import { checkSourcePath, SOURCES_DIR } from "../../validate/source-path.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { resolveRepoFile } from "../user-path.js";
import { rethrowAsWriteError } from "../write-errors.js";

export interface InitOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  maxFileSize?: number;
}

export async function runInit(sourceArg: string, options: InitOptions, io: Io): Promise<number> {
  const root = findProjectRoot(io.cwd, options.root);
  const source = await resolveRepoFile(io.cwd, root, sourceArg, "article");
  const misplaced = checkSourcePath(source.repoPath);
  if (misplaced) throw new UserError(`the article must be in ${SOURCES_DIR}/: ${misplaced}`);
  const stem = basename(source.repoPath, extname(source.repoPath));
  const claimsPath = `claims/${stem}.yaml`;
  // Those names are the vocabulary's and the acknowledgements': never a claims file.
  for (const reserved of [VOCABULARY_FILE, ACKNOWLEDGED_FILE]) {
    if (`${stem}.yaml` === reserved || `${stem}.yml` === reserved)
      throw new UserError(
        `${source.repoPath} would be annotated in ${claimsPath}, the name claims/ keeps for the ${reserved === VOCABULARY_FILE ? "vocabulary" : "acknowledgements"}; rename the article`,
      );
  }
  const target = join(root, claimsPath);

  for (const existing of [claimsPath, `claims/${stem}.yml`]) {
    if (await stat(join(root, existing)).catch(() => undefined)) {
      throw new UserError(
        `${existing} already exists; init never overwrites a claims file (edit it, or delete it to start again)`,
      );
    }
  }
  const annotatedBy = await findClaimsFileFor(root, source.repoPath);
  if (annotatedBy) {
    throw new UserError(
      `${source.repoPath} is already annotated by ${annotatedBy}; keep one claims file per article`,
    );
  }

  const read = readTextSync(source.absolute, options.maxFileSize);
  if (!read.ok) throw new UserError(`${source.repoPath} ${read.message}`);
  const { yaml, guess } = scaffoldClaimsFile(source.repoPath, read.text);

  try {
    await mkdir(join(root, "claims"), { recursive: true });
    await writeFileAtomic(target, yaml, { overwrite: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UserError(`${claimsPath} already exists; init never overwrites a claims file`);
    }
    rethrowAsWriteError(error, claimsPath);
  }

  const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
  const e = escapeTerminal;
  const todo = c.yellow("TODO");
  const rows: [string, string][] = [
    [
      "published",
      guess.published
        ? `${guess.published.value}  ${c.dim(`(from ${e(guess.published.from)})`)}`
        : `${todo} no date found`,
    ],
    [
      "dateline",
      guess.dateline
        ? `${e(guess.dateline.place)}, ${e(guess.dateline.date)}  ${c.dim(`(from ${e(guess.dateline.from)})`)}`
        : c.dim("none found"),
    ],
    [
      "title",
      guess.title
        ? `${e(guess.title.value)}  ${c.dim(`(from ${e(guess.title.from)})`)}`
        : `${c.dim(`none: ${e(guess.titleProblem ?? "the article has no text")}; the report will use the file name`)}`,
    ],
    [
      "outlet",
      `${todo} name the outlet${guess.outletHint ? c.dim(` (the file name says "${e(guess.outletHint)}")`) : ""}`,
    ],
  ];
  io.stdout(`${c.green("✓")} wrote ${e(claimsPath)}\n`);
  for (const [label, text] of rows) io.stdout(`  ${label.padEnd(10)} ${text}\n`);
  io.stdout(
    `Next: check the header, add claims (\`claimcheck find "..."\` checks a quote), then run \`claimcheck validate\`.\n`,
  );
  return EXIT.ok;
}

/** The claims file whose `source:` is this article, if any. */
async function findClaimsFileFor(root: string, sourcePath: string): Promise<string | undefined> {
  const normalized = sourcePath.replace(/^\.\//, "");
  let files: string[];
  try {
    files = await listClaimsFiles(root);
  } catch (error) {
    // Whether some file annotates the article cannot be told: not a reason to guess.
    if (error instanceof UnlistableFolderError) throw new UserError(error.message);
    throw error;
  }
  for (const file of files) {
    const read = readTextSync(join(root, file));
    if (!read.ok) continue;
    const data = parseYamlFile(file, read.text).data as { source?: unknown } | undefined;
    if (typeof data?.source === "string" && data.source.replace(/^\.\//, "") === normalized)
      return file;
  }
  return undefined;
}
