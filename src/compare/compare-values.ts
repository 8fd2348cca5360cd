/** One entry point per value type: the exact key of a value, and the comparison of two values. */
import type { Claim, Source, Vocabulary } from "../model/project.js";
import { valueTypeProblem } from "../validate/cross-file.js";
import type { PropertyData } from "../validate/schema.js";
import { compareDates } from "./date.js";
import { acronymTable, placeTable } from "./entity-index.js";
import { compareNames, normalizeName, relateNames, withDiffs } from "./name.js";
import { compareOffices, entityContext, officeKey } from "./office.js";
import { compareQuantities } from "./quantity.js";
import { compareTexts, normalizeText, relateTexts } from "./text.js";
import { toTypedValue } from "./typed-value.js";
import type { Comparison, NameContext, NameValue, TypedValue } from "./types.js";

/**
 * Values with equal keys are the same value for comparison ("7" and "seven", "Ilham  Aliyev" and
 * "ilham aliyev", a name and its alias), so they share one comparison.
 */
export function valueKey(value: TypedValue, ctx: NameContext): string {
  return value.type === "name" ? nameKey(value, aliasKeys(ctx)) : plainKey(value);
}

/**
 * A name's key: one for all the names of the entity it names (a property that refers to
 * entities), one per office (a title), one for a set of synonyms; otherwise its normalised form,
 * with one key for all the subject's own names.
 */
function nameKey(value: NameValue, aliases: ReadonlySet<string>): string {
  if (value.synonym !== undefined) return `n:=${value.synonym}`;
  if (value.entity !== undefined) return `e:${value.entity}`;
  if (value.office !== undefined) return officeKey(value.office, value.text);
  const normalized = normalizeName(value.text);
  if (value.refersTo === undefined && aliases.has(normalized)) return "n:#subject";
  return `n:${normalized}`;
}

/** The key of a value that is not a name: it needs no context. */
function plainKey(value: Exclude<TypedValue, { type: "name" }>): string {
  switch (value.type) {
    case "date":
      return `d:${value.firstDay}:${value.lastDay}`;
    case "quantity":
      return `q:${value.unit ?? ""}:${value.hedge ?? ""}:${value.lowOpen ? "(" : "["}${value.low},${value.high}${value.highOpen ? ")" : "]"}`;
    case "boolean":
      return `b:${value.value}`;
    case "entity":
      return `e:${value.id}`;
    default:
      return value.synonym !== undefined ? `t:=${value.synonym}` : `t:${normalizeText(value.text)}`;
  }
}

const aliasKeySets = new WeakMap<NameContext, Set<string>>();

/** The subject's names, normalised once per context rather than once per claim. */
function aliasKeys(ctx: NameContext): Set<string> {
  let keys = aliasKeySets.get(ctx);
  if (!keys) {
    keys = new Set(ctx.aliases.map(normalizeName));
    aliasKeySets.set(ctx, keys);
  }
  return keys;
}

export interface KeyedValue {
  value: TypedValue;
  key: string;
}

/**
 * The typed values and keys of one subject's claims. Most of a fact's sources write its value
 * the same way: where the typed value depends on nothing but the value as written, it is typed
 * and keyed once, and every claim that writes it shares the value and the key (one string, whose
 * hash later map lookups reuse).
 */
export class SubjectValues {
  // Made when first needed: most subjects have few claims, many of them no name to compare.
  private context: NameContext | undefined;
  /** Names and texts by property: what a name means depends on the property (refers_to, synonyms). */
  private names: Map<PropertyData, Map<unknown, KeyedValue>> | undefined;
  private texts: Map<PropertyData, Map<unknown, KeyedValue>> | undefined;
  private dates: Map<string, KeyedValue> | undefined;
  /** By property, whose unit a plain number takes. */
  private quantities: Map<PropertyData, Map<number, KeyedValue>> | undefined;

  constructor(
    private readonly subject: string,
    private readonly vocabulary: Vocabulary,
  ) {}

  /** What a name comparison knows of the subject. */
  get ctx(): NameContext {
    this.context ??= nameContextFor(this.subject, this.vocabulary);
    return this.context;
  }

  /**
   * The claim's value, typed for its property, with its key; undefined when it does not fit the
   * property's type (valueTypeProblem) or cannot be typed.
   */
  of(claim: Claim, property: PropertyData, source: Source): KeyedValue | undefined {
    const known = this.knownFor(claim, property);
    const remembered = known?.get(claim.value);
    // A value met before passed the type check: the check depends on the value and type alone.
    if (remembered) return remembered;
    if (valueTypeProblem(claim.value, property.type, this.vocabulary)) return undefined;
    const value = toTypedValue(claim, property, source, this.vocabulary);
    if (!value) return undefined;
    const key = value.type === "name" ? nameKey(value, aliasKeys(this.ctx)) : plainKey(value);
    const keyed = { value, key };
    known?.set(claim.value, keyed);
    return keyed;
  }

  /** Where the claim's typed value is kept, by its raw value; undefined when more decides it. */
  private knownFor(claim: Claim, property: PropertyData): Map<unknown, KeyedValue> | undefined {
    const raw = claim.value;
    switch (property.type) {
      case "date":
        // A year from the annotator, or a month and day taking the publication's year, is not
        // the same date for every article.
        if (
          typeof raw !== "string" ||
          claim.qualifiers.year !== undefined ||
          raw.trimStart().startsWith("--")
        )
          return undefined;
        this.dates ??= new Map();
        return this.dates;
      case "quantity": {
        // -0 would meet 0 in a map.
        if (typeof raw !== "number" || Object.is(raw, -0)) return undefined;
        if (claim.qualifiers.approximate !== undefined || claim.qualifiers.unit !== undefined)
          return undefined;
        this.quantities ??= new Map();
        let byAmount = this.quantities.get(property);
        if (!byAmount) {
          byAmount = new Map();
          this.quantities.set(property, byAmount);
        }
        return byAmount;
      }
      case "boolean":
      case "entity":
        return undefined;
      case "name":
        if (typeof raw !== "string") return undefined;
        this.names ??= new Map();
        return perProperty(this.names, property);
      default:
        if (typeof raw !== "string") return undefined;
        this.texts ??= new Map();
        return perProperty(this.texts, property);
    }
  }
}

function perProperty(
  maps: Map<PropertyData, Map<unknown, KeyedValue>>,
  property: PropertyData,
): Map<unknown, KeyedValue> {
  let map = maps.get(property);
  if (!map) {
    map = new Map();
    maps.set(property, map);
  }
  return map;
}

const SAME: Comparison = { relation: "agree", kind: "identical" };

export function compareValues(a: TypedValue, b: TypedValue, ctx: NameContext): Comparison {
  if (a.type === "date" && b.type === "date") return compareDates(a, b);
  if (a.type === "quantity" && b.type === "quantity") return compareQuantities(a, b);
  if (a.type === "name" && b.type === "name") return compareNameValues(a, b, ctx, true);
  if (a.type === "text" && b.type === "text") {
    if (a.synonym !== undefined && a.synonym === b.synonym) return SYNONYMS;
    return compareTexts(a.text, b.text);
  }
  if (a.type === "boolean" && b.type === "boolean") {
    return a.value === b.value ? SAME : { relation: "conflict", kind: "different-word" };
  }
  if (a.type === "entity" && b.type === "entity") {
    return a.id === b.id ? SAME : { relation: "conflict", kind: "different-word" };
  }
  return { relation: "conflict", kind: "different-word", detail: "values of different types" };
}

/**
 * How two values relate, without the diffs compareValues adds for findings: names and texts
 * skip them; the other types are cheap to compare in full.
 */
export function relateValues(
  a: TypedValue,
  b: TypedValue,
  ctx: NameContext,
): Pick<Comparison, "relation" | "kind"> {
  if (a.type === "name" && b.type === "name") return compareNameValues(a, b, ctx, false);
  if (a.type === "text" && b.type === "text") {
    if (a.synonym !== undefined && a.synonym === b.synonym) return SYNONYMS;
    return relateTexts(a.text, b.text);
  }
  return compareValues(a, b, ctx);
}

const SYNONYMS: Comparison = { relation: "agree", kind: "alias", detail: "synonyms" };

/**
 * Two names, read as their property says: titles part by part (office.ts), names of entities
 * through the entities they resolve to (entity-index.ts), other names through the ladder in the
 * subject's context. `diffs` adds what a finding shows.
 */
function compareNameValues(
  a: NameValue,
  b: NameValue,
  ctx: NameContext,
  diffs: boolean,
): Comparison {
  if (a.synonym !== undefined && a.synonym === b.synonym) return SYNONYMS;
  const index = a.index ?? b.index;
  if (a.office && b.office && index) {
    return compareOffices(
      { text: a.text, office: a.office },
      { text: b.text, office: b.office },
      index,
      diffs,
    );
  }
  if ((a.refersTo === "entity" || b.refersTo === "entity") && index) {
    if (a.entity !== undefined && b.entity !== undefined) {
      if (a.entity === b.entity) return { relation: "agree", kind: "alias" };
      const verdict: Comparison = {
        relation: "conflict",
        kind: "different-entity",
        detail: `${index.nameOf(a.entity)} / ${index.nameOf(b.entity)}`,
      };
      return diffs ? withDiffs(verdict, a.text, b.text) : verdict;
    }
    // A name that imitates an entity's name letter for letter ("ClS") names no entity: it is a
    // look-alike, whatever the other side writes.
    const known = a.entity ?? b.entity;
    for (const side of [a, b]) {
      if (side.entity !== undefined) continue;
      const imitated = index.imitated(side.text);
      if (imitated === undefined) continue;
      const look = relateNames(imitated.name, side.text);
      if (look.kind !== "look-alike") continue;
      const verdict: Comparison = {
        relation: "conflict",
        kind: "look-alike",
        detail: `"${side.text}" imitates ${imitated.name}: ${compareNames(imitated.name, side.text).detail ?? ""}`,
      };
      return diffs ? withDiffs(verdict, a.text, b.text) : verdict;
    }
    // One names a known entity and the other does not: the ladder, in that entity's context, so
    // that "Union of Independent States" is measured against what CIS spells.
    const within = known === undefined ? index.context : entityContext(index, known);
    return diffs ? compareNames(a.text, b.text, within) : relateNames(a.text, b.text, within);
  }
  return diffs ? compareNames(a.text, b.text, ctx) : relateNames(a.text, b.text, ctx);
}

/** What a name comparison knows of a subject: its names, acronym, accepted variants, and all acronyms. */
export function nameContextFor(subject: string, vocabulary: Vocabulary): NameContext {
  const entity = vocabulary.entities.get(subject);
  const acronyms = acronymTable(vocabulary);
  const places = placeTable(vocabulary);
  if (!entity) return { aliases: [], variants: [], acronyms, places };
  return {
    places,
    aliases: [entity.name, ...(entity.aliases ?? []), ...(entity.acronym ? [entity.acronym] : [])],
    acronym: entity.acronym,
    variants: entity.variants ?? [],
    acronyms,
  };
}
