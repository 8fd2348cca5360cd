import type { Verdict } from "../../compare/result.js";
import { nodeCrypto } from "../../load/lazy-node-modules.js";
import { runReport } from "../../pipeline/report.js";
import type { CachedReport } from "../../pipeline/report-cache.js";
import { timedAsync } from "../../pipeline/timing.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { type FormatName, loadPiecewiseFormatter } from "../../report/formats/index.js";
import type { ReportOutcome } from "../../report/outcome.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { type OutputTarget, type RenderedOutput, writeOutputs } from "../outputs.js";
import { projectRoot } from "../project-root.js";
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
  cache?: boolean;
  cacheLocation?: string;
}

export async function runReportCommand(options: ReportOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  const changed = options.changedSince
    ? await changedFilesForReport(root, options.changedSince, io)
    : undefined;
  const plans = options.outputs.map((target) => planOutput(target, options, io));
  // The cache can serve the run only if it can serve every output.
  const keys = plans.map((p) => p.key);
  const wanted = keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
  const run = await runReport(
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
    wanted,
  );
  try {
    return await renderReport(run, plans, options, io, changed);
  } finally {
    if (run.cached) await timedAsync("save report cache", () => run.save());
  }
}

/** How one output is rendered, and its key in the report cache (none for the github format). */
interface OutputPlan {
  target: OutputTarget;
  colors: boolean;
  width: number;
  key: string | undefined;
}

function planOutput(target: OutputTarget, options: ReportOptions, io: Io): OutputPlan {
  const toTerminal = target.path === undefined;
  const colors =
    toTerminal && target.format === "table"
      ? shouldColor(options.color, io.env, io.stdoutIsTTY)
      : false;
  const width = toTerminal
    ? Number(io.env.COLUMNS) || (io.stdoutIsTTY ? process.stdout.columns : 0) || 100
    : 100;
  // The github format carries a fresh random token each run, so its output is never reused.
  const key =
    target.format === "github" ? undefined : JSON.stringify([target.format, colors, width]);
  return { target, colors, width, key };
}

async function renderReport(
  run: CachedReport,
  plans: readonly OutputPlan[],
  options: ReportOptions,
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
    // Invalid input: show the problems, not a report built on part of the data.
    const report = run.report();
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
  const token = plans.some((p) => p.target.format === "github")
    ? nodeCrypto().randomBytes(16).toString("hex")
    : "";
  const rendered: RenderedOutput[] = [];
  for (const { target, colors, width, key } of plans) {
    const stored = key === undefined ? undefined : run.output(key);
    if (stored) {
      rendered.push({ target, chunks: stored });
      continue;
    }
    const report = run.report();
    // A format that builds its text whole (the table) does its work here, not while writing.
    const text = await timedAsync("render and write", async () =>
      (await loadPiecewiseFormatter(target.format as FormatName, report))(report, {
        colors: makeColors(colors),
        width,
        token,
        version: VERSION,
      }),
    );
    rendered.push(
      key === undefined || !run.cached
        ? { target, pieces: text }
        : { target, pieces: text, keep: (all) => run.keepOutput(key, all) },
    );
  }
  await timedAsync("render and write", () => writeOutputs(rendered, io));
  return exitCodeFor(outcome, options);
}

export function exitCodeFor(
  outcome: ReportOutcome,
  options: Pick<ReportOptions, "failOn" | "strict">,
): number {
  if (outcome.invalid) return EXIT.invalid;
  if (options.strict && outcome.staleAcknowledgement) return EXIT.failed;
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
