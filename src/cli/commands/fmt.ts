/**
 * `claimcheck fmt [--check] [FILES…]`: normalise claims files, the vocabulary and the
 * acknowledgements (all of them when no FILES are given). Files are replaced atomically; a file
 * that does not parse is reported and left untouched.
 *
 * Exit codes: 0 nothing to change (or all formatted), 1 with --check when a file would change,
 * 2 a file could not be read or parsed, 3 a file could not be formatted safely (a bug).
 */
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { textRead } from "../../edit/format-file.js";
import type { YamlKind } from "../../edit/format-yaml.js";
import { formatFiles } from "../../edit/parallel-format.js";
import {
  ACKNOWLEDGED_FILE,
  listClaimsFiles,
  UnlistableFolderError,
  VOCABULARY_FILE,
} from "../../load/project-files.js";
import { parseYamlFile } from "../../load/yaml-file.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal } from "../../report/escape.js";
import { renderFindingsText } from "../../report/formats/findings-text.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { FMT_AUTO_MIN_FILES, parallelOptions } from "../threads.js";
import { type RepoFile, resolveRepoFile } from "../user-path.js";
import { whyNotWritten } from "../write-errors.js";
import { plural } from "./validate.js";

export interface FmtOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  check?: boolean;
  maxFileSize?: number;
  files?: readonly string[];
}

export async function runFmt(options: FmtOptions, io: Io): Promise<number> {
  const root = findProjectRoot(io.cwd, options.root);
  const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
  const ce = makeColors(shouldColor(options.color, io.env, io.stderrIsTTY));
  const targets = await listTargets(root, options.files ?? [], io);
  if (targets === undefined) return EXIT.invalid;

  // Every file read and formatted first (by several threads in a large project), then each one
  // reported and written in order.
  const formatted = await formatFiles(
    targets.map((t) => ({ absolute: t.absolute, kind: kindOf(t.repoPath) })),
    options.maxFileSize,
    parallelOptions(io.env, false, FMT_AUTO_MIN_FILES),
  );
  let changed = 0;
  let unchanged = 0;
  let invalid = 0;
  let unsafe = 0;
  for (const [i, target] of targets.entries()) {
    const name = escapeTerminal(target.repoPath);
    const file = formatted[i]!;
    if (!file.read) {
      io.stderr(`${ce.red("error")} ${name} ${file.message}; not formatted\n`);
      invalid++;
      continue;
    }
    const { original, result } = file;
    if (!result.ok) {
      if (result.reason === "syntax") {
        const findings = parseYamlFile(target.repoPath, textRead(original)).findings;
        if (findings.length > 0) io.stderr(renderFindingsText(findings, ce));
        else io.stderr(`${ce.red("error")} ${name}: ${escapeTerminal(result.message)}\n`);
        io.stderr(`${name} does not parse; not formatted\n`);
        invalid++;
      } else {
        io.stderr(`${ce.red("error")} ${name}: ${escapeTerminal(result.message)}\n`);
        unsafe++;
      }
      continue;
    }
    for (const note of result.notes)
      io.stderr(`${ce.yellow("note")} ${name}: ${escapeTerminal(note)}\n`);
    if (!result.changed) {
      unchanged++;
      continue;
    }
    changed++;
    if (options.check) {
      io.stdout(`${name}\n`);
    } else {
      // Saved from an editor while we worked: keep the newer text, never overwrite it.
      const now = await readFile(target.absolute, "utf8").catch(() => undefined);
      if (now === undefined || now !== original) {
        io.stderr(
          `${ce.yellow("note")} ${name} changed while it was being formatted; left as it is\n`,
        );
        changed--;
        continue;
      }
      try {
        await writeFileAtomic(target.absolute, result.text);
      } catch (error) {
        // A full disk, a read-only file or folder: the file is left whole as it was (the write
        // is atomic, and a read-only file is not replaced).
        if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
        const why = whyNotWritten(error, target.absolute);
        io.stderr(`${ce.red("error")} ${name} cannot be written (${why}); left as it was\n`);
        changed--;
        invalid++;
        continue;
      }
      io.stdout(`formatted ${name}\n`);
    }
  }

  if (options.check) {
    if (changed > 0) {
      io.stdout(
        `${c.red(`${plural(changed, "file")} would be reformatted`)}; run \`claimcheck fmt\` to format ${changed === 1 ? "it" : "them"}\n`,
      );
    } else if (invalid + unsafe === 0) {
      io.stdout(`${c.green("✓")} ${plural(unchanged, "file")} already formatted\n`);
    }
  } else if (invalid + unsafe === 0) {
    io.stdout(
      changed > 0
        ? `${c.green("✓")} formatted ${plural(changed, "file")}${unchanged ? `, ${unchanged} already formatted` : ""}\n`
        : `${c.green("✓")} ${plural(unchanged, "file")} already formatted\n`,
    );
  }
  if (invalid > 0) return EXIT.invalid;
  if (unsafe > 0) return EXIT.internal;
  return options.check && changed > 0 ? EXIT.failed : EXIT.ok;
}

/** The named files, or every claims file plus the vocabulary and the acknowledgements. */
async function listTargets(
  root: string,
  files: readonly string[],
  io: Io,
): Promise<RepoFile[] | undefined> {
  if (files.length > 0) {
    const out: RepoFile[] = [];
    let bad = false;
    for (const file of files) {
      try {
        const found = await resolveRepoFile(io.cwd, root, file, "file to format");
        if (!out.some((f) => f.absolute === found.absolute)) out.push(found);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        io.stderr(`claimcheck: ${escapeTerminal(error.message)}\n`);
        bad = true;
      }
    }
    return bad ? undefined : out;
  }
  const claimsDir = join(root, "claims");
  if (!(await stat(claimsDir).catch(() => undefined))?.isDirectory()) {
    throw new UserError(
      `${claimsDir} is not a directory; run claimcheck in the repository root, or pass -C <root>`,
    );
  }
  let claimsFiles: string[];
  try {
    claimsFiles = await listClaimsFiles(root);
  } catch (error) {
    if (error instanceof UnlistableFolderError) throw new UserError(error.message);
    throw error;
  }
  const paths = [...claimsFiles, `claims/${VOCABULARY_FILE}`, `claims/${ACKNOWLEDGED_FILE}`];
  const out: RepoFile[] = [];
  let bad = false;
  for (const repoPath of paths) {
    const absolute = join(root, repoPath);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) continue; // no acknowledgements, say
    if (!info.isFile()) {
      io.stderr(`claimcheck: ${escapeTerminal(repoPath)} is not a regular file\n`);
      bad = true;
      continue;
    }
    try {
      // A link that leads out of the repository is refused, never written through.
      await resolveRepoFile(root, root, repoPath, "file to format");
      out.push({ absolute, repoPath });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.stderr(`claimcheck: ${escapeTerminal(error.message)}\n`);
      bad = true;
    }
  }
  return bad ? undefined : out;
}

function kindOf(repoPath: string): YamlKind | undefined {
  const name = basename(repoPath);
  if (name === VOCABULARY_FILE) return "vocabulary";
  if (name === ACKNOWLEDGED_FILE) return "acknowledged";
  return undefined;
}
