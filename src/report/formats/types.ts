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
}

/** An output format: one pure function from the report to text. */
export type Formatter = (report: ReportResult, ctx: FormatContext) => string;

/** The same output in pieces, for a format whose output can be very large. */
export type PiecewiseFormatter = (report: ReportResult, ctx: FormatContext) => Iterable<string>;
