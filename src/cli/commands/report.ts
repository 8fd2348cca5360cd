import type { Verdict } from "../../compare/result.js";
import { runReport } from "../../pipeline/report.js";
import type { CachedReport } from "../../pipeline/report-cache.js";
import { timedAsync } from "../../pipeline/timing.js";
import type { ReportOutcome } from "../../report/outcome.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { OutputTarget } from "../outputs.js";
import { projectRoot } from "../project-root.js";
import { type OutputPlan, planOutput, renderOutputs } from "../render-outputs.js";
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
  const plans = options.outputs.map((target) => planOutput(target, options.color, io));
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
      keepGoing: options.keepGoing,
    },
    wanted,
  );
  try {
    return await renderReport(run, plans, options, io, changed);
  } finally {
    if (run.cached) await timedAsync("save report cache", () => run.save());
  }
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
    // Invalid input: every format shows the problems, and no fact built on part of the data.
    await renderOutputs(() => run.report(), plans, io);
    return EXIT.invalid;
  }
  await renderOutputs(() => run.report(), plans, io, run);
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
