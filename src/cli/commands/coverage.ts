/**
 * `claimcheck coverage [SOURCE…] [--format text|json]`: for each article, how many of the
 * statements it makes (dates, counts, percentages, names, titles, event status) some claim's
 * evidence covers, and the uncovered ones with their lines; a total over all articles.
 *
 * Exit codes: 0 (coverage is information, not a verdict), 2 bad arguments or unreadable files.
 * Problems in the claims files are summarised on stderr: their claims cover nothing.
 */
import { CHECKABLE_KINDS, type CheckableKind } from "../../assist/checkable.js";
import {
  addCounts,
  type Counts,
  countByKind,
  emptyCounts,
  type Statement,
  share,
} from "../../assist/coverage.js";
import { eachCoverage, type SourceCoverage, totalCounts } from "../../assist/project.js";
import { countBySeverity } from "../../findings/finding.js";
import type { Source } from "../../model/project.js";
import { checkProject } from "../../pipeline/check.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal, JSON_TEXT, neutraliseCommands } from "../../report/escape.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { resolveRepoFile } from "../user-path.js";
import { plural } from "./validate.js";

export interface CoverageOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  format?: string;
  maxFileSize?: number;
}

export const COVERAGE_FORMATS = ["text", "json"] as const;

export async function runCoverage(
  sourceArgs: readonly string[],
  options: CoverageOptions,
  io: Io,
): Promise<number> {
  // `text` is the human format in every command; `table`, report's older name for it, works too.
  const format = options.format === "table" ? "text" : (options.format ?? "text");
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format))
    throw new UserError(`unknown format "${format}"; choose from ${COVERAGE_FORMATS.join(", ")}`);
  const root = findProjectRoot(io.cwd, options.root);
  const result = await checkProject({ root, maxFileBytes: options.maxFileSize });
  const wanted = await selectSources(io, root, sourceArgs, result.project.sources);
  const each = eachCoverage(result.project, result.grounding, (s) => wanted.has(s));
  warnAboutProblems(io, result.findings);
  if (format === "json") {
    const { writeOutputs } = await import("../outputs.js");
    await writeOutputs([{ target: { format: "json" }, chunks: coverageJsonChunks(each) }], io);
  } else {
    const colors = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
    // Each article's lines as soon as its coverage is known; the total last.
    let total = emptyCounts();
    let articles = 0;
    for (const a of each) {
      io.stdout(coverageLines(a, colors));
      total = addCounts(total, a.coverage.counts);
      articles++;
    }
    io.stdout(totalLine(total, articles, colors));
  }
  return EXIT.ok;
}

/** The sources named on the command line (article or claims file), or all of them. */
export async function selectSources(
  io: Io,
  root: string,
  args: readonly string[],
  sources: readonly Source[],
): Promise<Set<Source>> {
  if (args.length === 0) return new Set(sources);
  const chosen = new Set<Source>();
  for (const arg of args) {
    const file = await resolveRepoFile(io.cwd, root, arg, "article");
    const source = sources.find(
      (s) => s.sourcePath.replace(/^\.\//, "") === file.repoPath || s.claimsFile === file.repoPath,
    );
    if (!source)
      throw new UserError(
        `no valid claims file annotates ${file.repoPath}; start one with claimcheck init ${file.repoPath} (or run claimcheck validate)`,
      );
    chosen.add(source);
  }
  return chosen;
}

export function warnAboutProblems(io: Io, findings: readonly { severity: string }[]): void {
  const counts = countBySeverity(findings as Parameters<typeof countBySeverity>[0]);
  if (counts.error > 0)
    io.stderr(
      `claimcheck: ${plural(counts.error, "error")} in the claims files (run claimcheck validate); claims whose quotes are not found cover nothing\n`,
    );
}

const KIND_LABEL: Record<CheckableKind, string> = {
  date: "date",
  number: "count",
  percent: "percent",
  name: "name",
  title: "title",
  status: "status",
};

function percent(c: Counts): string {
  return `${(100 * share(c)).toFixed(1)}%`;
}

export function renderCoverageText(
  assisted: readonly SourceCoverage[],
  c: ReturnType<typeof makeColors>,
): string {
  return (
    assisted.map((a) => coverageLines(a, c)).join("") +
    totalLine(totalCounts(assisted), assisted.length, c)
  );
}

/** An article's line, and a line for each statement no claim covers. */
function coverageLines(a: SourceCoverage, c: ReturnType<typeof makeColors>): string {
  const lines: string[] = [];
  const counts = a.coverage.counts;
  const colour = counts.uncovered === 0 ? c.green : c.yellow;
  lines.push(
    `${c.bold(escapeTerminal(a.source.sourcePath))}  ${colour(`${counts.covered}/${counts.checkable} covered (${percent(counts)})`)}${
      counts.suggested > 0 ? c.dim(`, ${counts.suggested} by suggested claims awaiting review`) : ""
    }`,
  );
  for (const s of a.coverage.statements) {
    if (s.state !== "uncovered") continue;
    lines.push(`  ${uncoveredLine(s, c)}`);
  }
  return `${lines.join("\n")}\n`;
}

function totalLine(total: Counts, articles: number, c: ReturnType<typeof makeColors>): string {
  return `${c.bold("total")}: ${total.covered}/${total.checkable} checkable statements covered (${percent(total)}) in ${plural(articles, "article")}${
    total.uncovered > 0
      ? `; ${plural(total.uncovered, "uncovered statement")} (claimcheck suggest SOURCE proposes claims)`
      : ""
  }\n`;
}

function uncoveredLine(s: Statement, c: ReturnType<typeof makeColors>): string {
  const first = s.spans[0]!;
  const where = `line ${first.line}`.padEnd(9);
  const more = s.spans.length > 1 ? c.dim(` (${s.spans.length} mentions)`) : "";
  return `${c.cyan(where)} ${KIND_LABEL[s.kind].padEnd(8)} ${escapeTerminal(JSON.stringify(first.text))}${more}`;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const withShare = (c: Counts) => ({ ...c, coverage: round(share(c)) });

function byKindJson(k: Record<CheckableKind, Counts>) {
  return Object.fromEntries(CHECKABLE_KINDS.map((kind) => [kind, withShare(k[kind])]));
}

function articleJson(a: SourceCoverage) {
  return {
    source: a.source.sourcePath,
    claimsFile: a.source.claimsFile,
    ...withShare(a.coverage.counts),
    byKind: byKindJson(countByKind(a.coverage.statements)),
    statements: a.coverage.statements.map((s) => ({
      kind: s.kind,
      text: s.spans[0]!.text,
      state: s.state,
      line: s.spans[0]!.line,
      column: s.spans[0]!.column,
      start: s.spans[0]!.start,
      end: s.spans[0]!.end,
      mentions: s.spans.length,
      coveredBy: s.coveredBy,
    })),
  };
}

/** The JSON shape: stable keys, statements in text order, figures rounded to 4 decimals. */
export function coverageJson(assisted: readonly SourceCoverage[]) {
  return {
    version: 1,
    summary: {
      articles: assisted.length,
      ...withShare(totalCounts(assisted)),
      byKind: byKindJson(countByKind(assisted.flatMap((a) => a.coverage.statements))),
    },
    articles: assisted.map(articleJson),
  };
}

/**
 * The same JSON, indented as JSON.stringify(coverageJson(…), null, 2) indents it, as UTF-8 chunks
 * made one article at a time: each article's statements are let go as soon as its text is made.
 * The summary comes first in the shape, so the articles' bytes are held until the last article is
 * counted: about the size of the output, where the whole result as objects and one string took
 * several times that. Strings are JSON, so `##[` is written `##\u005b` (see neutraliseCommands).
 */
export function* coverageJsonChunks(each: Iterable<SourceCoverage>): Generator<Uint8Array> {
  const articles: Uint8Array[] = [];
  let total = emptyCounts();
  const kinds = Object.fromEntries(CHECKABLE_KINDS.map((k) => [k, emptyCounts()])) as Record<
    CheckableKind,
    Counts
  >;
  for (const a of each) {
    // Nested two levels down, JSON.stringify indents it as it sits in the whole.
    const nested = JSON.stringify([[articleJson(a)]], null, 2);
    const json = nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
    articles.push(Buffer.from(`${articles.length === 0 ? "" : ",\n    "}${safe(json)}`));
    total = addCounts(total, a.coverage.counts);
    const k = countByKind(a.coverage.statements);
    for (const kind of CHECKABLE_KINDS) kinds[kind] = addCounts(kinds[kind], k[kind]);
  }
  const summary = { articles: articles.length, ...withShare(total), byKind: byKindJson(kinds) };
  const summaryJson = indent(JSON.stringify(summary, null, 2), "  ");
  yield Buffer.from(
    `{\n  "version": 1,\n  "summary": ${safe(summaryJson)},\n  "articles": ${articles.length === 0 ? "[]" : "[\n    "}`,
  );
  for (let i = 0; i < articles.length; i++) {
    yield articles[i]!;
    articles[i] = EMPTY; // written: its bytes can go
  }
  yield Buffer.from(`${articles.length === 0 ? "" : "\n  ]"}\n}\n`);
}

const NESTED_OPEN = "[\n  [\n    ";
const NESTED_CLOSE = "\n  ]\n]";
const EMPTY = new Uint8Array(0);

function safe(json: string): string {
  return neutraliseCommands(json, JSON_TEXT);
}

/** JSON text nested deeper: every line after the first indented more (strings hold no line break). */
function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}
