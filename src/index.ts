/**
 * claimcheck as a library (`import { checkProject } from "claimcheck"`): the pipeline the command
 * line runs, for use from another program. Check a claims repository, build the report, render it
 * in any output format; every finding and the report have the documented shapes below.
 */
import { randomBytes } from "node:crypto";
import { VERSION } from "./cli/version.js";
import { makeColors } from "./report/colors.js";
import { type FormatName, isFormatName, loadFormatter } from "./report/formats/index.js";
import type { ReportResult } from "./report/report-result.js";

export type { GroupResult, Verdict } from "./compare/result.js";
export type { Finding, Location, Severity } from "./findings/finding.js";
export { RULES, type RuleInfo } from "./findings/rules.js";
export type { Claim, Project, Source, Vocabulary } from "./model/project.js";
export { type CheckOptions, type CheckResult, checkProject } from "./pipeline/check.js";
export { assembleReport as buildReport, type ReportFilters } from "./pipeline/report.js";
export { FORMAT_NAMES, type FormatName } from "./report/formats/index.js";
export { type ReportOutcome, reportOutcome } from "./report/outcome.js";
export { REPORT_VERSION, type ReportResult, type SourceInfo } from "./report/report-result.js";
export { VERSION };

export interface FormatOptions {
  /** ANSI colour in the table format. Default false. */
  color?: boolean;
  /** Columns the table format wraps to. Default 100. */
  width?: number;
}

/** The report rendered as the command line's `--format NAME` renders it. */
export async function formatReport(
  report: ReportResult,
  format: FormatName,
  options: FormatOptions = {},
): Promise<string> {
  if (!isFormatName(format)) throw new TypeError(`unknown format ${JSON.stringify(format)}`);
  const width = options.width ?? 100;
  const formatter = await loadFormatter(format, report, width);
  return formatter(report, {
    colors: makeColors(options.color ?? false),
    width,
    // The github format fences its log between stop-commands and a token nobody can guess.
    token: format === "github" ? randomBytes(16).toString("hex") : "",
    version: VERSION,
  });
}
