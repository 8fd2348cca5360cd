/**
 * Typed values and the result of comparing two of them. Each value type has one comparator
 * module (date.ts, quantity.ts, name.ts, text.ts) built on these shapes.
 */
import type { DiffPart } from "../findings/finding.js";
import type { Hedge } from "../validate/schema.js";
import type { EntityIndex } from "./entity-index.js";
import type { Office } from "./office.js";

/** A date as the inclusive range of days it may denote; days are counted from 1970-01-01 (UTC). */
export interface DateValue {
  type: "date";
  /** Display form, e.g. 2024-02-07, 2024-02, 2024. */
  iso: string;
  precision: "day" | "month" | "year";
  firstDay: number;
  lastDay: number;
  /** Where the year came from when the text gives only month and day. */
  yearSource: "stated" | "annotator" | "publication";
}

/** A count or quantity as an interval; an exact value has low = high, both closed. */
export interface QuantityValue {
  type: "quantity";
  amount: number;
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  unit: string | undefined;
  hedge: Hedge | undefined;
}

export interface NameValue {
  type: "name";
  text: string;
  /** For a property whose values name entities or offices (`refers_to`): how it is read. */
  refersTo?: "entity" | "office" | undefined;
  /** The entity the name resolves to, when one does. */
  entity?: string | undefined;
  /** The title read as office, rank and organisation. */
  office?: Office | undefined;
  /** The vocabulary's entities, for comparing names that name them. */
  index?: EntityIndex | undefined;
  /** The set of the property's synonyms the value is in. */
  synonym?: number | undefined;
}

export interface TextValue {
  type: "text";
  text: string;
  /** The set of the property's synonyms the value is in (`snap` and `extraordinary`). */
  synonym?: number | undefined;
}

export interface EntityRefValue {
  type: "entity";
  id: string;
}

export interface BooleanValue {
  type: "boolean";
  value: boolean;
}

export type TypedValue =
  | DateValue
  | QuantityValue
  | NameValue
  | TextValue
  | EntityRefValue
  | BooleanValue;

/** How two values relate. `variant` is an accepted spelling variant: shown, never a conflict. */
export type Relation = "agree" | "compatible" | "variant" | "conflict";

/** What kind of difference was found, for messages and for tests. */
export type DifferenceKind =
  // names and text
  | "identical"
  | "case-or-spacing"
  | "alias"
  | "look-alike"
  | "transliteration"
  | "acronym-mismatch"
  | "added-word"
  | "qualifier"
  | "word-order"
  | "different-entity"
  | "out-of-time"
  | "different-word"
  | "spelling"
  // dates
  | "less-precise"
  | "different-date"
  // quantities
  | "same-number"
  | "overlapping"
  | "disjoint"
  | "unit-mismatch";

export interface Comparison {
  relation: Relation;
  kind: DifferenceKind;
  /** A short human explanation, e.g. "3 days apart" or "gap of 30". */
  detail?: string;
  /** Dates: days between the two values' ranges. Quantities: the gap between the intervals. */
  gap?: number;
  /** Names and text: word-level diff of a against b (-1 only in a, +1 only in b). */
  wordDiff?: DiffPart[];
  /** Names and text, where the words are close: character-level diff of a against b. */
  charDiff?: DiffPart[];
}

/** What a name comparison may know about the entity the names belong to. */
export interface NameContext {
  /** Canonical name, aliases and acronym of the subject (or of entities named inside titles). */
  aliases: readonly string[];
  acronym?: string | undefined;
  /** Accepted spelling variants, reported as `variant`. */
  variants: readonly string[];
  /** Every entity's acronym with its canonical name, to check "Name (ACR)" and expand acronyms. */
  acronyms: ReadonlyMap<string, string>;
  /**
   * The vocabulary's places by every form they are written in (name, aliases, demonyms), folded
   * as name-words.ts folds words, so that "Kazakh" and "Kazakhstan" read as one place.
   */
  places?: ReadonlyMap<string, string> | undefined;
}

export const EMPTY_NAME_CONTEXT: NameContext = {
  aliases: [],
  variants: [],
  acronyms: new Map(),
};
