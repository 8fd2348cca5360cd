/**
 * The report: check the project, compare the sources, apply acknowledgements and filters, and
 * assemble the one result every output format renders.
 */
import { applyAcknowledgements } from "../compare/acknowledge.js";
import { compareProject } from "../compare/compare-project.js";
import { checkDateline } from "../compare/dateline.js";
import type { GroupResult, Verdict } from "../compare/result.js";
import { countBySeverity, type Finding, sortFindings } from "../findings/finding.js";
import { compareWithBaseline } from "../findings/identity.js";
import { hashText } from "../load/cache.js";
import { readProjectFiles } from "../load/project-files.js";
import type { Project } from "../model/project.js";
import { type ArticleText, REPORT_VERSION, type ReportResult } from "../report/report-result.js";
import { suggestion } from "../validate/did-you-mean.js";
import { type CheckOptions, type CheckResult, checkProject } from "./check.js";
import { CachedReport, yamlInputs } from "./report-cache.js";
import { timed, timedAsync } from "./timing.js";

export interface ReportFilters {
  subject?: readonly string[];
  property?: readonly string[];
  source?: readonly string[];
  verdict?: readonly Verdict[];
  /** Claims files changed since a git ref: keep only groups touching them. */
  changedFiles?: ReadonlySet<string>;
  /** Include the articles' texts and evidence spans (for the html format). */
  includeArticles?: boolean;
  /** Compare the valid files even when some are invalid (a partial report). */
  keepGoing?: boolean;
  /** Let a filter name what the project does not have (a baseline may lack a new source). */
  allowUnknown?: boolean;
}

/**
 * The report of a project. With a cache location, a report whose inputs and settings are all
 * unchanged comes from the cache (see report-cache.ts); any other is computed and kept there.
 */
export async function runReport(
  options: CheckOptions,
  filters: ReportFilters = {},
  /** The output keys the caller will render; without them, the cache is not consulted. */
  wanted?: readonly string[],
): Promise<CachedReport> {
  const { cacheLocation } = options;
  if (!cacheLocation) {
    const report = reportOf(await checkProject(options), filters);
    return CachedReport.computed(undefined, undefined, [], report);
  }
  // The YAML files are read once, for the cache's check and for the run.
  const read = await timedAsync("read YAML files", () => readProjectFiles(options));
  const inputs = {
    version: options.version ?? "dev",
    settings: settingsKey(options, filters),
    yaml: yamlInputs(read),
    root: options.root,
    maxFileBytes: options.maxFileBytes,
  };
  const stored =
    read.findings.length === 0
      ? await timedAsync("check report cache", () => CachedReport.open(cacheLocation, inputs))
      : undefined;
  const hit = stored && wanted ? CachedReport.hit(cacheLocation, stored, wanted) : undefined;
  if (hit) return hit;

  const check = await checkProject(options, read);
  const report = reportOf(check, filters);
  // Only a complete run is kept: every file valid, every article read.
  const complete =
    read.findings.length === 0 &&
    check.invalidFiles.size === 0 &&
    check.grounding.grounded.length === check.project.sources.length;
  if (!complete) {
    stored?.close();
    return CachedReport.computed(undefined, inputs, [], report);
  }
  const articles: [string, string][] = check.grounding.grounded.map((g) => [
    g.source.sourcePath,
    check.articleHashes?.get(g.source.claimsFile) ?? hashText(g.text),
  ]);
  return CachedReport.computed(cacheLocation, inputs, articles, report, stored);
}

/** Everything besides the files that decides the report, as one comparable string. */
function settingsKey(options: CheckOptions, filters: ReportFilters): string {
  const sorted = (xs: Iterable<string> | undefined) => (xs ? [...xs].sort() : null);
  return JSON.stringify({
    root: options.root,
    maxFileBytes: options.maxFileBytes ?? null,
    maxStringLength: options.maxStringLength ?? null,
    subject: sorted(filters.subject),
    property: sorted(filters.property),
    source: sorted(filters.source),
    verdict: sorted(filters.verdict),
    changedFiles: sorted(filters.changedFiles),
    includeArticles: filters.includeArticles === true,
  });
}

/** The comparison, or on invalid input (without keepGoing) what validation found: no fact is compared. */
function reportOf(check: CheckResult, filters: ReportFilters): ReportResult {
  const invalid = check.findings.some((f) => f.severity === "error");
  if (invalid && !filters.keepGoing) return validationReport(check, filters);
  if (!filters.allowUnknown) checkFilters(check.project, filters);
  return assembleReport(check, filters);
}

/** A filter value that names nothing in the project: a usage error, never an empty report. */
export class UnknownFilterError extends Error {}

/**
 * Every --subject, --property and --source must name something in the project: a misspelt one
 * would otherwise select nothing, and a report that hides every conflict would pass.
 */
export function checkFilters(project: Project, filters: ReportFilters): void {
  const problems: string[] = [];
  const check = (option: string, given: readonly string[] | undefined, known: string[]) => {
    const set = new Set(known);
    for (const value of given ?? []) {
      if (set.has(value)) continue;
      problems.push(
        `${option} ${JSON.stringify(value)} names nothing in the project${suggestion(value, known)}`,
      );
    }
  };
  check("--subject", filters.subject, [...project.vocabulary.entities.keys()]);
  check("--property", filters.property, [...project.vocabulary.properties.keys()]);
  check(
    "--source",
    filters.source,
    project.sources.flatMap((s) => [s.shortName, s.claimsFile, s.sourcePath]),
  );
  if (problems.length > 0) throw new UnknownFilterError(problems.join("\n"));
}

export function assembleReport(check: CheckResult, filters: ReportFilters = {}): ReportResult {
  const { project } = check;
  const { result, findings: groupFindings } = timed("compare", () =>
    compareProject(project, check.grounding),
  );
  const datelineFindings = project.sources
    .map(checkDateline)
    .filter((f): f is Finding => f !== undefined);
  const staleFindings = applyAcknowledgements(project, result.groups, groupFindings);

  const kept = result.groups.filter((g) => keepGroup(g, filters));
  const keptKeys = new Set(kept.map((g) => g.key));
  const filtering = kept.length !== result.groups.length;
  const findings = timed("sort findings", () =>
    sortFindings([
      ...check.findings.filter((f) => !filtering || keepFileFinding(f, filters)),
      ...datelineFindings.filter((f) => !filtering || keepFileFinding(f, filters)),
      ...staleFindings,
      ...groupFindings.filter((f) => !f.group || keptKeys.has(f.group)),
    ]),
  );

  const verdicts: Record<Verdict, number> = {
    conflict: 0,
    compatible: 0,
    agree: 0,
    "single-source": 0,
  };
  for (const g of kept) verdicts[g.verdict]++;
  return {
    format: "claimcheck-report",
    version: REPORT_VERSION,
    sources: sourceInfos(check),
    groups: kept,
    findings,
    agreement: result.agreement,
    matrix: result.matrix,
    summary: {
      verdicts,
      acknowledged: kept.filter((g) => g.acknowledged).length,
      severities: countBySeverity(findings),
      comparisons: result.comparisons,
      leftOut: result.groups.length - kept.length,
    },
    partial: check.invalidFiles.size > 0,
    validationOnly: false,
    invalidFiles: [...check.invalidFiles].sort(),
    articles: filters.includeArticles ? articleTexts(check) : undefined,
  };
}

/**
 * What validation found, as a report in which no fact was compared: `validate`'s result, and
 * `report`'s on invalid input (without --keep-going), so that every output format carries the
 * problems to where the reader looks (annotations, SARIF, the job summary, JUnit, JSON).
 */
export function validationReport(check: CheckResult, filters: ReportFilters = {}): ReportResult {
  return {
    format: "claimcheck-report",
    version: REPORT_VERSION,
    sources: sourceInfos(check),
    ...uncompared(sortFindings(check.findings)),
    invalidFiles: [...check.invalidFiles].sort(),
    articles: filters.includeArticles ? articleTexts(check) : undefined,
  };
}

/**
 * The report marked against the report at a baseline commit: each finding new or unchanged, and
 * the baseline's findings that are gone (fixed). See findings/identity.ts for what makes two
 * findings the same.
 */
export function withBaseline(
  report: ReportResult,
  base: ReportResult,
  ref: string,
  commit: string,
): ReportResult {
  const { states, fixed } = compareWithBaseline(report.findings, base.findings);
  const findings = report.findings.map((f, i) => ({ ...f, baseline: states[i]! }));
  const fresh = states.filter((s) => s === "new").length;
  return {
    ...report,
    findings,
    baseline: {
      ref,
      commit,
      invalid: base.partial || base.validationOnly,
      new: fresh,
      unchanged: states.length - fresh,
      fixed,
    },
  };
}

function uncompared(findings: Finding[]) {
  return {
    groups: [],
    findings,
    agreement: [],
    matrix: undefined,
    summary: {
      verdicts: { conflict: 0, compatible: 0, agree: 0, "single-source": 0 },
      acknowledged: 0,
      severities: countBySeverity(findings),
      comparisons: 0,
      leftOut: 0,
    },
    partial: false,
    validationOnly: true,
  } satisfies Partial<ReportResult>;
}

function sourceInfos(check: CheckResult): ReportResult["sources"] {
  return [...check.project.sources]
    .sort((a, b) => (a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0))
    .map((s) => ({
      shortName: s.shortName,
      outlet: s.outlet,
      claimsFile: s.claimsFile,
      sourcePath: s.sourcePath,
      published: s.published,
      title: s.title,
      ...(s.titleFromFileName ? { titleFromFileName: true } : {}),
      claims: s.claims.length,
    }));
}

function keepGroup(g: GroupResult, f: ReportFilters): boolean {
  if (f.subject?.length && !f.subject.includes(g.subject)) return false;
  if (f.property?.length && !f.property.includes(g.property)) return false;
  if (f.verdict?.length && !f.verdict.includes(g.verdict)) return false;
  if (!f.source?.length && !f.changedFiles) return true;
  // Only a filter by file looks at each claim: a report without one needs no list of them.
  const claims = g.values.flatMap((v) => v.claims);
  if (
    f.source?.length &&
    !claims.some((c) =>
      f.source!.some((s) => s === c.source || s === c.claimsFile || s === c.sourcePath),
    )
  ) {
    return false;
  }
  if (
    f.changedFiles &&
    !claims.some((c) => f.changedFiles!.has(c.claimsFile) || f.changedFiles!.has(c.sourcePath))
  ) {
    return false;
  }
  return true;
}

/** With filters on, file-level findings are kept for the files the filters select. */
function keepFileFinding(f: Finding, filters: ReportFilters): boolean {
  if (f.severity === "error") return true; // invalid input is never filtered away
  if (filters.changedFiles) return filters.changedFiles.has(f.location.file);
  return !filters.source?.length || filters.source.some((s) => f.location.file === s);
}

function articleTexts(check: CheckResult): ArticleText[] {
  return check.grounding.grounded
    .map((g) => ({
      shortName: g.source.shortName,
      claimsFile: g.source.claimsFile,
      sourcePath: g.source.sourcePath,
      text: g.text,
      spans: [...g.spans]
        .map(([claimId, span]) => ({ claimId, start: span.start, end: span.end, line: span.line }))
        .sort((a, b) => a.start - b.start || (a.claimId < b.claimId ? -1 : 1)),
    }))
    .sort((a, b) => (a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0));
}
