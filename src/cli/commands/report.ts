import type { Verdict } from "../../compare/result.js";
import { runReport, UnknownFilterError, withBaseline } from "../../pipeline/report.js";
import type { CachedReport } from "../../pipeline/report-cache.js";
import { timedAsync } from "../../pipeline/timing.js";
import { baselineLine } from "../../report/formats/common.js";
import { type ReportOutcome, reportOutcome } from "../../report/outcome.js";
import type { ReportResult } from "../../report/report-result.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { checkOutputPaths } from "../output-paths.js";
import type { OutputTarget } from "../outputs.js";
import { projectRoot } from "../project-root.js";
import {
  type OutputPlan,
  type OutputSettings,
  outputSettings,
  planOutput,
  renderOutputs,
} from "../render-outputs.js";
import { parallelOptions } from "../threads.js";
import { VERSION } from "../version.js";

export type FailOn = "conflict" | "compatible" | "single-source" | "never";

export interface ReportOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
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
  /** Only the facts with a claim in these files (claims files or articles), as typed. */
  files?: string[];
  /** Mark findings new or unchanged against the report at this git ref (see cli/git-baseline.ts). */
  baseline?: string;
  /** With a baseline: what --fail-on looks at, new findings only (default) or all. */
  failScope?: "new" | "all";
  /** Include note-level findings in SARIF. */
  sarifNotes?: boolean;
  /** Errors only (warnings and notes are still counted for --max-warnings). */
  quiet?: boolean;
  /** Fail (exit 1) when there are more warnings than this. */
  maxWarnings?: number;
  cache?: boolean;
  cacheLocation?: string;
}

export async function runReportCommand(options: ReportOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  // Before the report is made: an output over an input, or two outputs to one file, is refused.
  await checkOutputPaths(options.outputs, root);
  const changed = options.changedSince
    ? await changedFilesForReport(root, options.changedSince, io)
    : undefined;
  const settings = outputSettings(root, options.outputs, io, options);
  // Files named on the command line select facts as --source FILE does.
  const sources = [
    ...(options.source ?? []),
    ...(options.files?.length ? await namedFiles(io, root, options.files) : []),
  ];
  const plans = options.outputs.map((target) => planOutput(target, options.color, io, settings));
  // The cache can serve the run only if it can serve every output, and only without a baseline:
  // the baseline decides what each output says.
  const keys = plans.map((p) => p.key);
  const includeArticles = options.outputs.some((o) => o.format === "html");
  const wanted =
    !options.baseline && keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
  const run = await selectedReport(
    {
      root,
      maxFileBytes: options.maxFileSize,
      maxStringLength: options.maxStringLength,
      cacheLocation: cacheLocationFor(options, root, io.cwd),
      version: VERSION,
      parallel: parallelOptions(io.env, includeArticles),
    },
    {
      subject: options.subject,
      property: options.property,
      source: sources,
      verdict: options.verdict,
      includeArticles,
      changedFiles: changed,
      keepGoing: options.keepGoing,
    },
    wanted,
  );
  try {
    return await renderReport(
      run,
      plans,
      { ...options, root, settings, source: sources },
      io,
      changed,
    );
  } finally {
    if (run.cached) await timedAsync("save report cache", () => run.save());
  }
}

async function renderReport(
  run: CachedReport,
  plans: readonly OutputPlan[],
  options: ReportOptions & { root: string; settings: OutputSettings },
  io: Io,
  changed: ReadonlySet<string> | undefined,
): Promise<number> {
  const { outcome } = run;
  if (options.changedSince && changed) {
    const total = outcome.facts + outcome.leftOut;
    io.stderr(
      `claimcheck: --changed-since ${options.changedSince}: ${outcome.facts} of ${total} facts touch the ${changed.size} changed file(s); ${outcome.leftOut} left out\n`,
    );
  }
  if (outcome.invalid && !options.keepGoing) {
    // Invalid input: every format shows the problems, and no fact built on part of the data.
    await renderOutputs(() => run.report(), plans, io, options.settings);
    return EXIT.invalid;
  }
  if (options.baseline !== undefined)
    return renderWithBaseline(run, plans, { ...options, baseline: options.baseline }, io, changed);
  await renderOutputs(() => run.report(), plans, io, options.settings, run);
  return exitCodeFor(outcome, options);
}

/** The report marked against the report at the baseline, which is computed the same way. */
async function renderWithBaseline(
  run: CachedReport,
  plans: readonly OutputPlan[],
  options: ReportOptions & { root: string; baseline: string; settings: OutputSettings },
  io: Io,
  changed: ReadonlySet<string> | undefined,
): Promise<number> {
  const { extractBaseline } = await import("../git-baseline.js");
  const { root } = options;
  const tree = await extractBaseline(root, options.baseline);
  let marked: ReportResult;
  try {
    const base = await timedAsync("baseline report", () =>
      runReport(
        {
          root: tree.root,
          maxFileBytes: options.maxFileSize,
          maxStringLength: options.maxStringLength,
          version: VERSION,
        },
        {
          subject: options.subject,
          property: options.property,
          source: options.source,
          verdict: options.verdict,
          changedFiles: changed,
          // A broken baseline still says what it can about the files that are valid.
          keepGoing: true,
          allowUnknown: true,
        },
      ),
    );
    marked = withBaseline(run.report(), base.report(), options.baseline, tree.commit);
  } finally {
    await tree.remove();
  }
  io.stderr(`claimcheck: --baseline: ${baselineLine(marked)}\n`);
  await renderOutputs(() => marked, plans, io, options.settings);
  return exitCodeFor(reportOutcome(marked, options.failScope ?? "new"), options);
}

/** The report; a filter that names nothing is a usage error (exit 2), not an empty report. */
async function selectedReport(...args: Parameters<typeof runReport>): Promise<CachedReport> {
  try {
    return await runReport(...args);
  } catch (error) {
    if (error instanceof UnknownFilterError) throw new UserError(error.message);
    throw error;
  }
}

export function exitCodeFor(
  outcome: ReportOutcome,
  options: Pick<ReportOptions, "failOn" | "strict" | "maxWarnings">,
): number {
  if (outcome.invalid) return EXIT.invalid;
  if (options.strict && outcome.staleAcknowledgement) return EXIT.failed;
  if (options.maxWarnings !== undefined && outcome.warnings > options.maxWarnings)
    return EXIT.failed;
  const { unacknowledged: open, withinSourceConflict } = outcome;
  switch (options.failOn) {
    case "never":
      return EXIT.ok;
    case "single-source":
      return open.conflict || withinSourceConflict || open.compatible || open["single-source"]
        ? EXIT.failed
        : EXIT.ok;
    case "compatible":
      return open.conflict || withinSourceConflict || open.compatible ? EXIT.failed : EXIT.ok;
    default:
      return open.conflict || withinSourceConflict ? EXIT.failed : EXIT.ok;
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

/** Files named on the command line; user-path.js loads fs.promises, which most runs need not. */
async function namedFiles(io: Io, root: string, files: readonly string[]): Promise<Set<string>> {
  return (await import("../user-path.js")).repoPaths(io, root, files);
}
