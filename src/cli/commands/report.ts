import { randomBytes } from "node:crypto";
import type { Verdict } from "../../compare/result.js";
import { runReport } from "../../pipeline/report.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { type FormatName, loadPiecewiseFormatter } from "../../report/formats/index.js";
import type { ReportResult } from "../../report/report-result.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { type OutputTarget, writeOutputs } from "../outputs.js";
import { projectRoot } from "../project-root.js";
import { VERSION } from "../version.js";

export type FailOn = "conflict" | "compatible" | "single-source" | "never";

export interface ReportOptions {
  root: string;
  color?: boolean;
  maxFileSize?: number;
  maxStringLength?: number;
  outputs: OutputTarget[];
  subject?: string[];
  property?: string[];
  source?: string[];
  verdict?: Verdict[];
  failOn: FailOn;
  strict?: boolean;
  keepGoing?: boolean;
  /** Only the facts touching files changed since this git ref (see cli/git-changes.ts). */
  changedSince?: string;
  cache?: boolean;
  cacheLocation?: string;
}

export async function runReportCommand(options: ReportOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  const changed = options.changedSince
    ? await changedFilesForReport(root, options.changedSince, io)
    : undefined;
  const { report } = await runReport(
    {
      root,
      maxFileBytes: options.maxFileSize,
      maxStringLength: options.maxStringLength,
      cacheLocation: cacheLocationFor(options, root, io.cwd),
      version: VERSION,
    },
    {
      subject: options.subject,
      property: options.property,
      source: options.source,
      verdict: options.verdict,
      includeArticles: options.outputs.some((o) => o.format === "html"),
      changedFiles: changed,
    },
  );
  if (options.changedSince && changed) {
    const total = report.groups.length + report.summary.leftOut;
    io.stderr(
      `claimcheck: --changed-since ${options.changedSince}: ${report.groups.length} of ${total} facts touch the ${changed.size} changed file(s); ${report.summary.leftOut} left out\n`,
    );
  }
  const invalid = report.findings.some((f) => f.severity === "error" && !f.group);
  if (invalid && !options.keepGoing) {
    // Invalid input: show the problems, not a report built on part of the data.
    const { renderFindingsText } = await import("../../report/formats/findings-text.js");
    const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
    const problems = report.findings.filter((f) => !f.group && f.severity !== "note");
    io.stdout(renderFindingsText(problems, c));
    const files = new Set(
      problems.filter((p) => p.severity === "error").map((p) => p.location.file),
    );
    io.stdout(
      `${c.red(`${problems.filter((p) => p.severity === "error").length} errors in ${files.size} file(s)`)}: fix them, or run with --keep-going for a partial report\n`,
    );
    return EXIT.invalid;
  }
  const token = randomBytes(16).toString("hex");
  const rendered: { target: OutputTarget; text: Iterable<string> }[] = [];
  for (const target of options.outputs) {
    const formatter = await loadPiecewiseFormatter(target.format as FormatName);
    const toTerminal = target.path === undefined;
    const colors = makeColors(
      toTerminal && target.format === "table"
        ? shouldColor(options.color, io.env, io.stdoutIsTTY)
        : false,
    );
    const width = toTerminal
      ? Number(io.env.COLUMNS) || (io.stdoutIsTTY ? process.stdout.columns : 0) || 100
      : 100;
    rendered.push({ target, text: formatter(report, { colors, width, token, version: VERSION }) });
  }
  await writeOutputs(rendered, io);
  return exitCodeFor(report, options, invalid);
}

export function exitCodeFor(
  report: ReportResult,
  options: Pick<ReportOptions, "failOn" | "strict">,
  invalid: boolean,
): number {
  if (invalid) return EXIT.invalid;
  if (options.strict && report.findings.some((f) => f.ruleId === "acknowledged-stale"))
    return EXIT.failed;
  const unacknowledged = (v: Verdict) =>
    report.groups.some((g) => g.verdict === v && !g.acknowledged);
  const withinSource = report.findings.some(
    (f) => f.ruleId === "within-source-conflict" && !f.acknowledged,
  );
  switch (options.failOn) {
    case "never":
      return EXIT.ok;
    case "single-source":
      return unacknowledged("conflict") ||
        withinSource ||
        unacknowledged("compatible") ||
        unacknowledged("single-source")
        ? EXIT.failed
        : EXIT.ok;
    case "compatible":
      return unacknowledged("conflict") || withinSource || unacknowledged("compatible")
        ? EXIT.failed
        : EXIT.ok;
    default:
      return unacknowledged("conflict") || withinSource ? EXIT.failed : EXIT.ok;
  }
}

/**
 * The changed files for --changed-since, or undefined (no filter) when the vocabulary changed:
 * a changed entity or property can change any comparison.
 */
async function changedFilesForReport(
  root: string,
  ref: string,
  io: Io,
): Promise<ReadonlySet<string> | undefined> {
  const { changedFilesSince } = await import("../git-changes.js");
  const { files } = await changedFilesSince(root, ref);
  if (files.has("claims/vocabulary.yaml")) {
    io.stderr(
      `claimcheck: --changed-since ${ref}: claims/vocabulary.yaml changed, so every fact is reported\n`,
    );
    return undefined;
  }
  return files;
}
