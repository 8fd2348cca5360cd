/**
 * `claimcheck find "QUOTE" [--source FILE]`: where a quote occurs in the articles, matched as
 * grounding matches evidence. Each occurrence prints as `path:line:col: context`; when there is
 * none, the closest passages print with a character diff.
 *
 * Exit codes: 0 found, 1 not found, 2 bad arguments or unreadable sources.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { glob } from "tinyglobby";
import { findQuote, type SourceText } from "../../edit/find-quote.js";
import { readTextSync } from "../../load/read-text.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal } from "../../report/escape.js";
import { renderDiffLines } from "../../report/formats/findings-text.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { resolveRepoFile } from "../user-path.js";
import { plural } from "./validate.js";

export interface FindCommandOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  source?: string;
  maxFileSize?: number;
}

export async function runFind(quote: string, options: FindCommandOptions, io: Io): Promise<number> {
  const root = findProjectRoot(io.cwd, options.root);
  if (quote.trim() === "")
    throw new UserError('the quote is empty; usage: claimcheck find "words from the article"');
  const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
  const sources = await readSources(root, options, io);
  if (sources.length === 0)
    throw new UserError(`no articles to search in ${join(root, "sources")}`);

  const result = findQuote(quote, sources);
  for (const hit of result.hits) {
    const where = `${escapeTerminal(hit.path)}:${hit.span.line}:${hit.span.column}`;
    const { before, match, after } = hit.context;
    io.stdout(
      `${c.cyan(where)}: ${c.dim(escapeTerminal(before))}${c.bold(c.green(escapeTerminal(match)))}${c.dim(escapeTerminal(after))}\n`,
    );
  }
  if (result.hits.length > 0) return EXIT.ok;

  const searched =
    sources.length === 1 ? (sources[0]?.path ?? "") : plural(sources.length, "article");
  io.stdout(
    `${c.red("not found")}: ${escapeTerminal(JSON.stringify(result.quote))} is not in ${escapeTerminal(searched)}\n`,
  );
  if (result.closest.length === 0) {
    io.stdout("no passage comes close (fewer than half of the characters match)\n");
    return EXIT.failed;
  }
  io.stdout(result.closest.length === 1 ? "the closest passage:\n" : "the closest passages:\n");
  for (const passage of result.closest) {
    const where = `${escapeTerminal(passage.path)}:${passage.span.line}:${passage.span.column}`;
    const how = `${plural(passage.errors, "character")} ${passage.errors === 1 ? "differs" : "differ"}${
      passage.near ? " (a near miss: a typo?)" : ""
    }`;
    io.stdout(`  ${c.cyan(where)}  ${how}\n`);
    for (const line of renderDiffLines(passage.diff, c)) io.stdout(`    ${line}\n`);
  }
  return EXIT.failed;
}

async function readSources(
  root: string,
  options: FindCommandOptions,
  io: Io,
): Promise<SourceText[]> {
  let files: { absolute: string; repoPath: string }[];
  if (options.source !== undefined) {
    files = [await resolveRepoFile(io.cwd, root, options.source, "source")];
  } else {
    const dir = join(root, "sources");
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
      throw new UserError(
        `${dir} is not a directory; run claimcheck in the repository root, or pass -C <root>`,
      );
    }
    const found = (await glob(["**/*"], { cwd: dir, onlyFiles: true })).sort();
    files = found.map((f) => ({ absolute: join(dir, f), repoPath: `sources/${f}` }));
  }
  const out: SourceText[] = [];
  for (const file of files) {
    const read = readTextSync(file.absolute, options.maxFileSize);
    if (!read.ok) {
      if (options.source !== undefined) throw new UserError(`${file.repoPath} ${read.message}`);
      io.stderr(
        `claimcheck: skipping ${escapeTerminal(file.repoPath)}: it ${escapeTerminal(read.message)}\n`,
      );
      continue;
    }
    out.push({ path: file.repoPath, text: read.text });
  }
  return out;
}
