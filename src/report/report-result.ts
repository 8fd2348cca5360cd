/**
 * The whole result of a run, in one documented, versioned shape: what `--format json` prints and
 * what every other format renders. Bump REPORT_VERSION on any incompatible change.
 */
import type { GroupResult, MatrixCell, SourceAgreement, Verdict } from "../compare/result.js";
import type { Finding, Severity } from "../findings/finding.js";

export const REPORT_VERSION = 1;

export interface SourceInfo {
  shortName: string;
  outlet: string;
  claimsFile: string;
  sourcePath: string;
  published: string;
  /** The headline, or, when the claims file gives none, a title made from the article's file name. */
  title: string;
  /** True when `title` was made from the file name. */
  titleFromFileName?: boolean;
  claims: number;
}

/** An article's text with the spans its claims' evidence was found at (offsets in code points). */
export interface ArticleText {
  shortName: string;
  claimsFile: string;
  sourcePath: string;
  text: string;
  spans: { claimId: string; start: number; end: number; line: number }[];
}

export interface ReportResult {
  format: "claimcheck-report";
  version: typeof REPORT_VERSION;
  sources: SourceInfo[];
  groups: GroupResult[];
  findings: Finding[];
  agreement: SourceAgreement[];
  matrix?: MatrixCell[][] | undefined;
  summary: {
    verdicts: Record<Verdict, number>;
    acknowledged: number;
    severities: Record<Severity, number>;
    comparisons: number;
    /** Groups left out by filters or --changed-since. */
    leftOut: number;
  };
  /** True when some files could not be read and the report covers only the rest. */
  partial: boolean;
  invalidFiles: string[];
  /** The articles' texts, included only for formats that show them (html). */
  articles?: ArticleText[] | undefined;
}
