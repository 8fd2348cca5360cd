/** From a claim's raw value to a typed value its property's comparator understands. */
import type { Claim, Source, Vocabulary } from "../model/project.js";
import type { PropertyData } from "../validate/schema.js";
import { parseDateValue } from "./date.js";
import { DEFAULT_HEDGES, formatNumber, type HedgeTable } from "./hedges.js";
import { makeQuantity } from "./quantity.js";
import type { TypedValue } from "./types.js";

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
      return typeof value === "string" ? { type: "name", text: value } : undefined;
    default:
      return typeof value === "string" ? { type: "text", text: value } : undefined;
  }
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
