import { countBySeverity } from "../../findings/finding.js";
import { checkProject } from "../../pipeline/check.js";
import { validationReport } from "../../pipeline/report.js";
import type { ReportResult } from "../../report/report-result.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { checkOutputPaths } from "../output-paths.js";
import type { OutputTarget } from "../outputs.js";
import { projectRoot } from "../project-root.js";
import { outputSettings, planOutput, renderOutputs } from "../render-outputs.js";
import { parallelOptions } from "../threads.js";
import { VERSION } from "../version.js";

export interface ValidateOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  maxFileSize?: number;
  maxStringLength?: number;
  cache?: boolean;
  cacheLocation?: string;
  /** Where each format goes; the table on stdout by default. */
  outputs?: OutputTarget[];
  /** Include note-level findings in SARIF. */
  sarifNotes?: boolean;
  /** Show only what concerns these files (claims files or articles), as typed. */
  files?: string[];
  /** Errors only (warnings and notes are still counted for --max-warnings). */
  quiet?: boolean;
  /** Fail (exit 1) when there are more warnings than this. */
  maxWarnings?: number;
}

/**
 * Validate every file and ground every quote; nothing is compared. The result is a report that
 * holds only what validation found, so every format can carry it (annotations, SARIF, the job
 * summary, JUnit, JSON). Exit 2 on any error, else 0.
 */
export async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  const outputs = options.outputs ?? [{ format: "table" }];
  // Before anything is read: an output over an input, or two outputs to one file, is refused.
  await checkOutputPaths(outputs, root);
  const includeArticles = outputs.some((o) => o.format === "html");
  const check = await checkProject({
    root,
    maxFileBytes: options.maxFileSize,
    maxStringLength: options.maxStringLength,
    cacheLocation: cacheLocationFor(options, root, io.cwd),
    version: VERSION,
    parallel: parallelOptions(io.env, includeArticles),
  });
  const whole = validationReport(check, { includeArticles });
  const report = options.files?.length
    ? onlyFiles(whole, await namedFiles(io, root, options.files))
    : whole;
  const settings = outputSettings(root, outputs, io, options);
  const plans = outputs.map((target) => planOutput(target, options.color, io, settings));
  await renderOutputs(() => report, plans, io, settings);
  const { error, warning } = report.summary.severities;
  if (error > 0) return EXIT.invalid;
  return options.maxWarnings !== undefined && warning > options.maxWarnings ? EXIT.failed : EXIT.ok;
}

/**
 * The findings about the given files: a claims file, or the claims file of a given article. The
 * rest of the project was read and checked all the same (ids and sources are checked across
 * files), but what it found elsewhere is not shown and does not count.
 */
function onlyFiles(report: ReportResult, files: ReadonlySet<string>): ReportResult {
  const claimsFiles = new Set(files);
  for (const s of report.sources) if (files.has(s.sourcePath)) claimsFiles.add(s.claimsFile);
  const findings = report.findings.filter((f) => claimsFiles.has(f.location.file));
  return {
    ...report,
    sources: report.sources.filter((s) => claimsFiles.has(s.claimsFile)),
    findings,
    summary: { ...report.summary, severities: countBySeverity(findings) },
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Files named on the command line; user-path.js loads fs.promises, which most runs need not. */
async function namedFiles(io: Io, root: string, files: readonly string[]): Promise<Set<string>> {
  return (await import("../user-path.js")).repoPaths(io, root, files);
}
