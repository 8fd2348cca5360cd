/** One entry point per value type: the exact key of a value, and the comparison of two values. */
import type { Vocabulary } from "../model/project.js";
import { compareDates } from "./date.js";
import { compareNames, normalizeName } from "./name.js";
import { compareQuantities } from "./quantity.js";
import { compareTexts, normalizeText } from "./text.js";
import type { Comparison, NameContext, TypedValue } from "./types.js";

/**
 * Values with equal keys are the same value for comparison ("7" and "seven", "Ilham  Aliyev" and
 * "ilham aliyev", a name and its alias), so they share one comparison.
 */
export function valueKey(value: TypedValue, ctx: NameContext): string {
  switch (value.type) {
    case "date":
      return `d:${value.firstDay}:${value.lastDay}`;
    case "quantity":
      return `q:${value.unit ?? ""}:${value.hedge ?? ""}:${value.lowOpen ? "(" : "["}${value.low},${value.high}${value.highOpen ? ")" : "]"}`;
    case "boolean":
      return `b:${value.value}`;
    case "entity":
      return `e:${value.id}`;
    case "name": {
      const normalized = normalizeName(value.text);
      return aliasKeys(ctx).has(normalized) ? "n:#subject" : `n:${normalized}`;
    }
    default:
      return `t:${normalizeText(value.text)}`;
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

const SAME: Comparison = { relation: "agree", kind: "identical" };

export function compareValues(a: TypedValue, b: TypedValue, ctx: NameContext): Comparison {
  if (a.type === "date" && b.type === "date") return compareDates(a, b);
  if (a.type === "quantity" && b.type === "quantity") return compareQuantities(a, b);
  if (a.type === "name" && b.type === "name") return compareNames(a.text, b.text, ctx);
  if (a.type === "text" && b.type === "text") return compareTexts(a.text, b.text);
  if (a.type === "boolean" && b.type === "boolean") {
    return a.value === b.value ? SAME : { relation: "conflict", kind: "different-word" };
  }
  if (a.type === "entity" && b.type === "entity") {
    return a.id === b.id ? SAME : { relation: "conflict", kind: "different-word" };
  }
  return { relation: "conflict", kind: "different-word", detail: "values of different types" };
}

/** What a name comparison knows of a subject: its names, acronym, accepted variants, and all acronyms. */
export function nameContextFor(subject: string, vocabulary: Vocabulary): NameContext {
  const entity = vocabulary.entities.get(subject);
  const acronyms = acronymTable(vocabulary);
  if (!entity) return { aliases: [], variants: [], acronyms };
  return {
    aliases: [entity.name, ...(entity.aliases ?? []), ...(entity.acronym ? [entity.acronym] : [])],
    acronym: entity.acronym,
    variants: entity.variants ?? [],
    acronyms,
  };
}

const acronymTables = new WeakMap<Vocabulary, Map<string, string>>();

function acronymTable(vocabulary: Vocabulary): Map<string, string> {
  let table = acronymTables.get(vocabulary);
  if (!table) {
    table = new Map();
    for (const e of vocabulary.entities.values())
      if (e.acronym && !table.has(e.acronym)) table.set(e.acronym, e.name);
    acronymTables.set(vocabulary, table);
  }
  return table;
}
