import type { Colors } from "../colors.js";
import type { ReportResult } from "../report-result.js";

export interface FormatContext {
  colors: Colors;
  /** Terminal width for formats that wrap. */
  width: number;
  /** A random token for GitHub's stop-commands guard; fixed in tests. */
  token: string;
  /** claimcheck's version, for formats that name the tool. */
  version: string;
  /**
   * Where the project root lies inside the repository, with a trailing slash (`data/` when the
   * claims are in data/claims/), or "" at its top: annotations, SARIF and links name files from
   * the repository's top, where CI looks for them.
   */
  repoPrefix?: string;
  /** A URL a repository path and `#L12` can follow to link to a line (`…/blob/SHA/`). */
  linkBase?: string | undefined;
  /** Include note-level findings in SARIF (left out by default: each would be an alert). */
  sarifNotes?: boolean;
}

/** An output format: one pure function from the report to text. */
export type Formatter = (report: ReportResult, ctx: FormatContext) => string;

/** The same output in pieces, for a format whose output can be very large. */
export type PiecewiseFormatter = (report: ReportResult, ctx: FormatContext) => Iterable<string>;
