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

export interface BaselineSummary {
  /** The ref as given, and the commit compared with (the merge base of REF and HEAD). */
  ref: string;
  commit: string;
  /** The baseline's own files were invalid: its report is partial, so more may count as new. */
  invalid: boolean;
  /** Current findings the baseline did not have, and those it had. */
  new: number;
  unchanged: number;
  /** The baseline's findings that are gone. */
  fixed: Finding[];
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
  /**
   * True when the report carries only what validation found and no fact was compared: the
   * output of `validate`, and of `report` on invalid input without --keep-going.
   */
  validationOnly: boolean;
  invalidFiles: string[];
  /** With `report --baseline REF`: what the report at REF had, and what is gone since. */
  baseline?: BaselineSummary | undefined;
  /** The articles' texts, included only for formats that show them (html). */
  articles?: ArticleText[] | undefined;
}
