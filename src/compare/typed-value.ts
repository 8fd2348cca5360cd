/** From a claim's raw value to a typed value its property's comparator understands. */
import type { Claim, Source, Vocabulary } from "../model/project.js";
import type { PropertyData } from "../validate/schema.js";
import { parseDateValue } from "./date.js";
import { EntityIndex } from "./entity-index.js";
import { DEFAULT_HEDGES, formatNumber, type HedgeTable } from "./hedges.js";
import { parseOffice } from "./office.js";
import { makeQuantity } from "./quantity.js";
import { normalizeText } from "./text.js";
import type { NameValue, TypedValue } from "./types.js";

export function toTypedValue(
  claim: Claim,
  property: PropertyData,
  source: Source,
  vocabulary: Vocabulary,
): TypedValue | undefined {
  const value = claim.value;
  switch (property.type) {
    case "date": {
      if (typeof value !== "string") return undefined;
      const parsed = parseDateValue(value, {
        published: source.published,
        yearSource: claim.qualifiers.year,
      });
      return "error" in parsed ? undefined : parsed;
    }
    case "quantity": {
      if (typeof value !== "number") return undefined;
      return makeQuantity(
        value,
        claim.qualifiers.approximate,
        claim.qualifiers.unit ?? property.unit,
        hedgeTable(vocabulary),
      );
    }
    case "boolean":
      return typeof value === "boolean" ? { type: "boolean", value } : undefined;
    case "entity":
      return typeof value === "string" ? { type: "entity", id: value } : undefined;
    case "name":
      return typeof value === "string" ? nameValue(value, property, vocabulary) : undefined;
    default:
      return typeof value === "string"
        ? { type: "text", text: value, synonym: synonymOf(value, property) }
        : undefined;
  }
}

/** A name, resolved to the entity or read as the office it names where the property says so. */
function nameValue(text: string, property: PropertyData, vocabulary: Vocabulary): NameValue {
  const synonym = synonymOf(text, property);
  if (property.refers_to === undefined) return { type: "name", text, synonym };
  const index = EntityIndex.of(vocabulary);
  if (property.refers_to === "office")
    return {
      type: "name",
      text,
      refersTo: "office",
      office: parseOffice(text, index),
      index,
      synonym,
    };
  return {
    type: "name",
    text,
    refersTo: "entity",
    entity: index.resolve(text)?.id,
    index,
    synonym,
  };
}

const synonymTables = new WeakMap<PropertyData, Map<string, number>>();

/** Which of the property's synonym sets holds the value, folded as texts are. */
export function synonymOf(text: string, property: PropertyData): number | undefined {
  if (!property.synonyms) return undefined;
  let table = synonymTables.get(property);
  if (!table) {
    table = new Map();
    property.synonyms.forEach((set, i) => {
      for (const word of set) table!.set(normalizeText(word), i);
    });
    synonymTables.set(property, table);
  }
  return table.get(normalizeText(text));
}

const hedgeTables = new WeakMap<Vocabulary, HedgeTable>();

/** The vocabulary's hedges over the defaults, merged once per vocabulary rather than per claim. */
function hedgeTable(vocabulary: Vocabulary): HedgeTable {
  let table = hedgeTables.get(vocabulary);
  if (!table) {
    table = { ...DEFAULT_HEDGES, ...vocabulary.hedges };
    hedgeTables.set(vocabulary, table);
  }
  return table;
}

/** How a value is shown: the hedge the article used stays visible ("close to 170"). */
export function displayValue(value: TypedValue): string {
  switch (value.type) {
    case "date":
      return value.iso;
    case "quantity": {
      const n = formatNumber(value.amount);
      const unit =
        value.unit && value.unit !== "count"
          ? value.unit === "percent"
            ? "%"
            : ` ${value.unit}`
          : "";
      return `${value.hedge ? `${value.hedge} ` : ""}${n}${unit}`;
    }
    case "boolean":
      return value.value ? "yes" : "no";
    case "entity":
      return value.id;
    default:
      return value.text;
  }
}
