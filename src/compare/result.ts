/** What comparison produces: groups of claims about one fact, each with a verdict. */
import type { DiffPart } from "../findings/finding.js";
import type { Comparison, DifferenceKind, Relation } from "./types.js";

export type Verdict = "conflict" | "compatible" | "agree" | "single-source";
export const VERDICTS: readonly Verdict[] = ["conflict", "compatible", "agree", "single-source"];

export interface ClaimRef {
  claimId: string;
  /** Short name of the source, for tables. */
  source: string;
  claimsFile: string;
  line: number;
  column: number;
  /** Where the value node ends (exclusive), when known. */
  endLine?: number | undefined;
  endColumn?: number | undefined;
  sourcePath: string;
  evidence: string;
  /** Where the evidence was found in the article, if it was. */
  evidenceLine?: number | undefined;
  /** The value as the claim wrote it. */
  raw: string | number | boolean;
  /** Where a date's year came from, when the text gives no year. */
  yearSource?: "annotator" | "publication" | undefined;
  note?: string | undefined;
}

export interface ValueCluster {
  /** The value as shown, e.g. "close to 170" or "2024-02-07". */
  display: string;
  /** How this value relates to the group's majority value (`reference` for the majority itself). */
  relation: Relation | "reference";
  kind?: DifferenceKind | undefined;
  detail?: string | undefined;
  /** Against the majority value: -1 only in the majority, +1 only in this value. */
  wordDiff?: DiffPart[] | undefined;
  charDiff?: DiffPart[] | undefined;
  /** Distinct sources stating this value, sorted. */
  sources: string[];
  /**
   * When the sources write this one value in different ways (an alias, a variant spelling), each
   * written form with the sources that write it, sorted by form; absent when they all write it
   * as `display`.
   */
  forms?: { text: string; sources: string[] }[] | undefined;
  claims: ClaimRef[];
}

export interface GroupResult {
  /** `subject/property` plus `@as_of` when present, plus `=value` for multi-valued properties. */
  key: string;
  subject: string;
  subjectLabel: string;
  property: string;
  propertyLabel: string;
  asOf?: string | undefined;
  valueType: string;
  cardinality: "single" | "multiple";
  verdict: Verdict;
  /** The main kind of difference, for conflicts and compatible groups. */
  kind?: DifferenceKind | undefined;
  /** The majority value first. */
  values: ValueCluster[];
  /** Sources whose values conflict with the majority. */
  standApart: string[];
  /**
   * True when the values conflict and the two most stated have as many sources each: no value is
   * a majority, and every source of the fact disagrees with another.
   */
  tie: boolean;
  /** Sources that state two conflicting values of this (single-valued) fact themselves, sorted. */
  selfContradicting: string[];
  sourceCount: number;
  acknowledged: boolean;
  /** Why the discrepancy was accepted, from claims/acknowledged.yaml, when it was. */
  acknowledgement?:
    | { reason: string; reviewer?: string | undefined; date?: string | undefined }
    | undefined;
}

export interface SourceAgreement {
  source: string;
  claimsFile: string;
  outlet: string;
  /** Groups this source shares with at least one other source. */
  shared: number;
  agreeing: number;
  /** agreeing / shared, or null when nothing is shared. */
  rate: number | null;
}

export interface MatrixCell {
  shared: number;
  agreeing: number;
}

export interface ComparisonResult {
  groups: GroupResult[];
  agreement: SourceAgreement[];
  /** Source-by-source agreement, in the order of `agreement`; absent above the size limit. */
  matrix?: MatrixCell[][] | undefined;
  /** Value comparisons made: grows with distinct values, not with pairs of claims. */
  comparisons: number;
}

export type { Comparison };
