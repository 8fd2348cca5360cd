/** The validated project: what every stage after validation works on. */
import type { PositionResolver } from "../load/yaml-file.js";
import type {
  AcknowledgementData,
  EntityData,
  HedgeBoundsData,
  PropertyData,
  QualifiersData,
  ValueType,
} from "../validate/schema.js";

export interface Evidence {
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

export interface Claim {
  id: string;
  subject: string;
  property: string;
  value: string | number | boolean;
  qualifiers: QualifiersData;
  evidence: Evidence;
  status: "accepted" | "suggested";
  /** Index in its file's `claims` list, for document paths such as claims[3].value. */
  index: number;
  /** The claims file it comes from (repo-relative). */
  file: string;
}

export interface Dateline {
  place?: string | undefined;
  date: string;
  evidence?: Evidence | undefined;
}

/** One article: its claims file, its header and its claims. */
export interface Source {
  /** The claims file path, repo-relative: the source's identity in findings. */
  claimsFile: string;
  /** The article text file, repo-relative. */
  sourcePath: string;
  outlet: string;
  /** The name in tables and messages: `short_name`, or one made from the outlet (source-names.ts). */
  shortName: string;
  /** Whether the file gives `short_name` itself. */
  shortNameGiven: boolean;
  published: string;
  dateline?: Dateline | undefined;
  /** The headline; made from the article's file name when the claims file gives none. */
  title: string;
  /** True when `title` was made from the file name, not written by the annotator. */
  titleFromFileName?: boolean | undefined;
  url?: string | undefined;
  author?: string | undefined;
  claims: Claim[];
  where: PositionResolver;
}

export interface Vocabulary {
  file: string;
  entities: ReadonlyMap<string, EntityData>;
  properties: ReadonlyMap<string, PropertyData>;
  hedges: Partial<Record<string, HedgeBoundsData>>;
  where?: PositionResolver | undefined;
}

export interface Acknowledgement extends AcknowledgementData {
  index: number;
  file: string;
}

export interface Project {
  vocabulary: Vocabulary;
  sources: Source[];
  acknowledgements: Acknowledgement[];
  acknowledgementsWhere?: PositionResolver | undefined;
}

export type { ValueType };
